import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { UserLogin } from './user-login.js';
import { UserRegistry } from './user-registry.js';
import { UsersHttpController } from './users.http.controller.js';

@Module({
  imports: [AuditModule],
  controllers: [UsersHttpController],
  providers: [UserRegistry, UserLogin],
  exports: [UserLogin],
})
export class UsersModule {}
