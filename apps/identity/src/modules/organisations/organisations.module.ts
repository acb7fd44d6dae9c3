import { Module } from '@nestjs/common';
import { CloseOrganisationHandler } from './close-organisation.handler.js';
import { CreateOrganisationHandler } from './create-organisation.handler.js';
import { ImportOrganisationsHandler } from './import-organisations.handler.js';
import { MergeOrganisationHandler } from './merge-organisation.handler.js';
import { OrganisationImport } from './organisation-import.js';
import { OrganisationJournal } from './organisation-journal.js';
import { OrganisationQueries } from './organisation-queries.js';
import { OrganisationRepository } from './organisation.repository.js';
import { OrganisationsHttpController } from './organisations.http.controller.js';
import { UpdateOrganisationHandler } from './update-organisation.handler.js';

@Module({
  controllers: [OrganisationsHttpController],
  providers: [
    OrganisationRepository,
    OrganisationJournal,
    OrganisationImport,
    OrganisationQueries,
    CreateOrganisationHandler,
    UpdateOrganisationHandler,
    MergeOrganisationHandler,
    CloseOrganisationHandler,
    ImportOrganisationsHandler,
  ],
  exports: [OrganisationRepository],
})
export class OrganisationsModule {}
