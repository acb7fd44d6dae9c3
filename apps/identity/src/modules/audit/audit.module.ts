import { Module } from '@nestjs/common';
import { AuditHttpController } from './audit.http.controller.js';
import { AuditLog } from './audit-log.js';

@Module({
  controllers: [AuditHttpController],
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
