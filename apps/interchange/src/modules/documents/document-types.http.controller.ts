import { CurrentPrincipal, type Principal } from '@edu/auth';
import type { SchoolLevel } from '@edu/contracts';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { DOCUMENT_TYPES, isDocumentTypeName } from './domain/index.js';
import { InterchangeErrors } from './interchange-errors.js';

@ApiTags('document-types')
@ApiBearerAuth()
@Controller('v1/document-types')
export class DocumentTypesHttpController {
  constructor(@Inject(DirectoryRepository) private readonly directory: DirectoryRepository) {}

  @Get()
  @ApiOkResponse({ description: 'The accepted document types' })
  list() {
    return Object.values(DOCUMENT_TYPES).map((t) => ({ type: t.type, title: t.title, onePer: t.onePer, signers: t.signers }));
  }

  @Get(':type/schema')
  @ApiOkResponse({ description: 'JSON Schema of the content of this type' })
  schema(@Param('type') type: string) {
    if (!isDocumentTypeName(type)) throw InterchangeErrors.unknownType(type);
    return DOCUMENT_TYPES[type].contentSchema;
  }

  /**
   * A body the calling school can submit as is, for one of its own students (or, for a sổ điểm, that student's
   * class): `?studentId=` picks one, `?n=` the n-th enrolled student (round robin), otherwise the first.
   */
  @Get(':type/example')
  @ApiOkResponse({ description: 'A valid submission body for one of the caller’s students' })
  async example(
    @Param('type') type: string,
    @CurrentPrincipal() principal: Principal,
    @Query('studentId') studentId?: string,
    @Query('n') n?: string,
  ) {
    if (!isDocumentTypeName(type)) throw InterchangeErrors.unknownType(type);
    const school = await this.directory.school(principal.org);
    const index = Number.isInteger(Number(n)) ? Number(n) : 0;
    const latest = school ? await this.directory.exampleEnrolment(school.code, { studentId, n: index }) : null;
    if (!school || !latest) throw InterchangeErrors.exampleNeedsSchool();
    if (!latest.picked) throw InterchangeErrors.unknownStudent(studentId ?? '', latest.schoolYear);
    const { enrolment: e } = latest.picked;
    const classmates = latest.picked.classmates.map((x) => ({ studentId: x.studentId, fullName: x.fullName }));
    const { subject, content } = DOCUMENT_TYPES[type].buildExample({
      student: {
        studentId: e.studentId,
        fullName: e.fullName,
        dateOfBirth: e.dateOfBirth,
        gender: e.gender,
        ...(e.personalId ? { personalId: e.personalId } : {}),
      },
      school: { code: school.code, name: school.name, level: school.level as SchoolLevel },
      className: e.className,
      grade: e.grade,
      schoolYear: e.schoolYear,
      classmates,
      homeroomTeacher: 'Nguyễn Thị Hồng',
      principal: 'Trần Văn Minh',
    });
    return { type, issuerCode: school.code, schoolYear: e.schoolYear, subject, content };
  }
}
