import { Module } from '@nestjs/common';
import { CustodyModule } from '../custody/index.js';
import { ValidationsModule } from '../validations/validations.module.js';
import { SignaturesModule } from '../signatures/signatures.module.js';
import { ApproveTasksHandler } from './approve-tasks.handler.js';
import { Assignees } from './assignees.js';
import { CancelWorkflowHandler } from './cancel-workflow.handler.js';
import { DocumentSubmittedKafkaController } from './document-submitted.kafka.controller.js';
import { RecordAssignmentsHandler } from './record-assignments.handler.js';
import { RejectTaskHandler } from './reject-task.handler.js';
import { SignerResolution } from './signer-resolution.js';
import { SigningTasksHttpController } from './signing-tasks.http.controller.js';
import { StartWorkflowHandler } from './start-workflow.handler.js';
import { TaskList } from './task-list.js';
import { TaskReminders } from './task-reminders.js';
import { TeacherAssignedKafkaController } from './teacher-assigned.kafka.controller.js';
import { WorkflowAudit } from './workflow-audit.js';
import { WorkflowStore } from './workflow-store.js';
import { WorkflowViews } from './workflow-view.js';
import { WorkflowsHttpController } from './workflows.http.controller.js';

/** Multi-party signing: workflows and tasks per submitted document, approvals, rejections, cancellations, reminders. */
@Module({
  imports: [SignaturesModule, CustodyModule, ValidationsModule],
  controllers: [DocumentSubmittedKafkaController, TeacherAssignedKafkaController, SigningTasksHttpController, WorkflowsHttpController],
  providers: [
    { provide: WorkflowStore, useValue: new WorkflowStore() },
    { provide: WorkflowAudit, useValue: new WorkflowAudit() },
    { provide: Assignees, useValue: new Assignees() },
    { provide: TaskList, useValue: new TaskList() },
    SignerResolution,
    StartWorkflowHandler,
    RecordAssignmentsHandler,
    ApproveTasksHandler,
    RejectTaskHandler,
    CancelWorkflowHandler,
    WorkflowViews,
    TaskReminders,
  ],
})
export class WorkflowsModule {}
