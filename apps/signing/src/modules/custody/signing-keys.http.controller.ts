import { CurrentPrincipal, RequireScopes, Scopes, type Principal } from '@edu/auth';
import { CommonErrors } from '@edu/errors';
import { DataSource } from '@edu/persistence';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CustodyErrors } from './custody-errors.js';
import { KeyUseAudit } from './key-use-audit.js';
import { CustodyPersonKeys, type PersonKeyStatus } from './person-keys.js';
import { SigningPins } from './signing-pins.js';

/**
 * A teacher's or principal's own signing key in custody: enrol once with a PIN (signing makes the key, identity
 * certifies it), see its state and the audit of its use, change the PIN. Only the person's own sign-in may do this.
 */
@ApiTags('signing keys')
@ApiBearerAuth()
@RequireScopes(Scopes.Signing)
@Controller('v1/signing-keys')
export class SigningKeysHttpController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CustodyPersonKeys) private readonly keys: CustodyPersonKeys,
    @Inject(KeyUseAudit) private readonly audit: KeyUseAudit,
    @Inject(SigningPins) private readonly pins: SigningPins,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Enrol: set a signing PIN and have a signing key made and certified (body: {pin})' })
  async enrol(@CurrentPrincipal() p: Principal, @Body() body: unknown): Promise<{ keyId: string; status: 'PENDING' }> {
    const personId = personOf(p);
    const pin = field(body, 'pin');
    const { keyId } = await this.dataSource.transaction((em) => this.keys.enrol(em, { personId, orgCode: p.org, actor: p.clientId }, pin));
    return { keyId, status: 'PENDING' };
  }

  @Post('me/rotation')
  @HttpCode(202)
  @ApiOperation({ summary: 'A new key for me, on my PIN (body: {pin}); identity certifies it and it replaces the current one' })
  async rotate(@CurrentPrincipal() p: Principal, @Body() body: unknown): Promise<{ keyId: string; status: 'PENDING' }> {
    const personId = personOf(p);
    const pin = field(body, 'pin');
    const { keyId } = await this.dataSource.transaction((em) => this.keys.rotate(em, { personId, orgCode: p.org, actor: p.clientId }, pin));
    return { keyId, status: 'PENDING' };
  }

  @Get('me')
  @ApiOperation({ summary: 'My signing key: NONE, PENDING or ACTIVE, its certificate serial and expiry' })
  async mine(@CurrentPrincipal() p: Principal): Promise<PersonKeyStatus> {
    return this.keys.status(this.dataSource.manager, personOf(p));
  }

  @Get('me/audit')
  @ApiOperation({ summary: 'Every use of my key and every PIN event, newest first' })
  async myAudit(@CurrentPrincipal() p: Principal) {
    return this.audit.forPerson(this.dataSource.manager, personOf(p));
  }

  @Post(':personId/unlock')
  @HttpCode(204)
  @RequireScopes(Scopes.Operations)
  @ApiOperation({ summary: "Lift a person's PIN lockout (operators only; audited)" })
  async unlock(@CurrentPrincipal() p: Principal, @Param('personId') personId: string): Promise<void> {
    const done = await this.dataSource.transaction((em) => this.pins.unlock(em, personId, p.clientId));
    if (!done) throw CustodyErrors.pinNotSet();
  }

  @Put('me/pin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change my signing PIN (body: {currentPin, newPin})' })
  async changePin(@CurrentPrincipal() p: Principal, @Body() body: unknown): Promise<void> {
    const personId = personOf(p);
    const [currentPin, newPin] = [field(body, 'currentPin'), field(body, 'newPin')];
    await this.dataSource.transaction((em) => this.keys.changePin(em, personId, currentPin, newPin, p.clientId));
  }
}

function personOf(p: Principal): string {
  if (!p.personId) throw CustodyErrors.personRequired();
  return p.personId;
}

function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value !== 'string' || !value)
    throw CommonErrors.invalidParameter(name, `${name} is required and must be a string`, `Thiếu ${name} hoặc ${name} không phải chuỗi`);
  return value;
}
