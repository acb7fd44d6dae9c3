import { Module } from '@nestjs/common';
import { SIGNING_CONFIG, type SigningConfig } from '../../config.js';
import { HttpRevocationLookup, RevocationLookup } from './revocation-lookup.js';
import { IdentityTrustAnchors, TrustAnchors } from './trust-anchors.js';
import { ValidationsHttpController } from './validations.http.controller.js';
import { ValidationsService } from './validations.service.js';
import { WorkflowRoles } from './workflow-roles.js';

/** `POST /v1/validations`: anyone may check a signature or an evidence container, without a token. */
@Module({
  controllers: [ValidationsHttpController],
  providers: [
    { provide: TrustAnchors, useFactory: (c: SigningConfig) => new IdentityTrustAnchors(c.IDENTITY_URL), inject: [SIGNING_CONFIG] },
    { provide: RevocationLookup, useValue: new HttpRevocationLookup() },
    ValidationsService,
    WorkflowRoles,
  ],
  exports: [ValidationsService],
})
export class ValidationsModule {}
