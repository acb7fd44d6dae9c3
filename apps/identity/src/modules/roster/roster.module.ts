import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module.js';
import { ApplyRosterImport } from './import/apply-roster-import.js';
import { RosterImportWorker } from './import/roster-import-worker.js';
import { ValidateRosterImport } from './import/validate-roster-import.js';
import { RosterImports } from './roster-imports.repository.js';
import { RosterImportsHttpController } from './roster-imports.http.controller.js';
import { RosterUploads } from './staging/roster-uploads.js';

@Module({
  imports: [PeopleModule],
  controllers: [RosterImportsHttpController],
  providers: [RosterImports, RosterUploads, ValidateRosterImport, ApplyRosterImport, RosterImportWorker],
})
export class RosterModule {}
