import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { WEBHOOK_EVENT_TYPES, DEPARTMENT_EVENT_TYPES } from './webhook-event-types';
import {
  Connection,
  DateTimeScalar,
  FieldsOn,
  describedEnum,
  type EnumValue,
} from '@cppcc/toolkit';

export const WebhookSubscriptionStatus = describedEnum(
  'WebhookSubscriptionStatus',
  'Whether a subscription is being delivered to.',
  {
    ACTIVE: 'Events are delivered as they happen.',
    PAUSED:
      'Events are kept but not sent (by hand, or because deliveries kept failing: see `pausedReason`); resuming sends them in order.',
  },
);
export type WebhookSubscriptionStatus = EnumValue<typeof WebhookSubscriptionStatus>;

export const WebhookDeliveryStatus = describedEnum(
  'WebhookDeliveryStatus',
  'Where the delivery of one event to one subscription stands.',
  {
    PENDING: 'Not yet answered with 2xx; retried with backoff (`nextAttemptAt`).',
    SUCCEEDED: 'The receiver answered 2xx.',
    FAILED: 'Given up after 3 days of retries; `redeliverWebhook` tries again.',
  },
);
export type WebhookDeliveryStatus = EnumValue<typeof WebhookDeliveryStatus>;

@ObjectType({ description: 'One attempt to deliver an event: when, and what the receiver said.' })
export class WebhookAttempt {
  @Field(() => DateTimeScalar, { description: 'When it was sent, ISO 8601 (UTC).' })
  at: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status the receiver answered; null when it did not answer.',
  })
  statusCode: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it failed without an answer (timeout, refused connection, address refused).',
  })
  error: string | null;

  @Field(() => Int, { description: 'How long the attempt took, in milliseconds.' })
  durationMs: number;
}

@FieldsOn('department', [
  'id',
  'eventId',
  'eventType',
  'recordId',
  'status',
  'attemptCount',
  'lastStatusCode',
  'lastError',
  'nextAttemptAt',
  'createdAt',
  'deliveredAt',
])
@ObjectType({ description: 'The delivery of one event to one subscription, with its attempts.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'The UUID of the delivery (for `redeliverWebhook`).' })
  id: string;

  @Field(() => ID, { description: 'The event’s id: the `webhook-id` header of every attempt.' })
  eventId: string;

  @Field({ description: 'The event’s type, e.g. `proposal.assigned`.' })
  eventType: string;

  @Field(() => ID, { description: 'The UUID of the record the event is about.' })
  recordId: string;

  @Field(() => WebhookDeliveryStatus, { description: 'PENDING, SUCCEEDED or FAILED.' })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'How many attempts were made.' })
  attemptCount: number;

  @Field(() => Int, { nullable: true, description: 'The status code of the last answer.' })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true, description: 'The last failure without an answer.' })
  lastError: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the next attempt is due, while PENDING, ISO 8601 (UTC).',
  })
  nextAttemptAt: Date | null;

  @Field(() => DateTimeScalar, { description: 'When the event was queued for it.' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was answered with 2xx.' })
  deliveredAt: Date | null;

  subscriptionId: string;
}

export const WebhookDeliveryConnection = Connection(WebhookDelivery);

@FieldsOn('department', [
  'id',
  'url',
  'eventTypes',
  'status',
  'pausedReason',
  'departmentId',
  'divisionCode',
  'previousSecretExpiresAt',
  'createdAt',
  'version',
  'deliveries',
])
@ObjectType({
  description:
    'Where a department’s or a CPPCC office’s system is told of events as they happen, signed ' +
    'per the Standard Webhooks specification (headers `webhook-id`, `webhook-timestamp`, ' +
    '`webhook-signature`).',
})
export class WebhookSubscription {
  @Field(() => ID, { description: 'The UUID of the subscription.' })
  id: string;

  @Field({ description: 'Where events are POSTed (https; http only to loopback).' })
  url: string;

  @Field(() => [String], { description: 'The event types delivered, e.g. `proposal.assigned`.' })
  eventTypes: string[];

  @Field(() => WebhookSubscriptionStatus, { description: 'ACTIVE or PAUSED.' })
  status: WebhookSubscriptionStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why it is paused (by whom, or which deliveries kept failing); null when active.',
  })
  pausedReason: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The department whose events it receives; null for a CPPCC office’s.',
  })
  departmentId: string | null;

  @Field({ description: 'The division whose events an office’s subscription receives.' })
  divisionCode: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Until when the secret before the last rotation still signs too (24 hours).',
  })
  previousSecretExpiresAt: Date | null;

  @Field(() => DateTimeScalar, { description: 'When it was created, ISO 8601 (UTC).' })
  createdAt: Date;

  @Field(() => Int, { description: 'Raised by every change.' })
  version: number;
}

export const WebhookSubscriptionConnection = Connection(WebhookSubscription);

@FieldsOn('department', ['subscription', 'secret'])
@ObjectType({ description: 'A new subscription and, this once, its signing secret.' })
export class CreateWebhookSubscriptionPayload {
  @Field(() => WebhookSubscription, { description: 'The subscription.' })
  subscription: WebhookSubscription;

  @Field({
    description:
      'The signing secret (`whsec_…`, Standard Webhooks form): shown now and never again. Verify ' +
      'deliveries with it (e.g. the `standardwebhooks` library).',
  })
  secret: string;
}

@FieldsOn('department', ['subscription', 'secret'])
@ObjectType({ description: 'A subscription with a new signing secret, shown this once.' })
export class RotateWebhookSecretPayload {
  @Field(() => WebhookSubscription, { description: 'The subscription.' })
  subscription: WebhookSubscription;

  @Field({
    description:
      'The new secret (`whsec_…`). For 24 hours deliveries carry a signature with the old ' +
      'secret as well, so receivers can switch without losing any.',
  })
  secret: string;
}

@InputType({ description: 'A subscription to create.' })
export class CreateWebhookSubscriptionInput {
  @Field({ description: 'Where to POST events: https (http only to loopback).' })
  url: string;

  @Field(() => [String], {
    description:
      'The event types to deliver, at least one of ' +
      WEBHOOK_EVENT_TYPES.map((type) => `\`${type}\``).join(', ') +
      ' (deliberation’s sessions and minutes included); any other is BAD_USER_INPUT. A department receives only ' +
      DEPARTMENT_EVENT_TYPES.map((type) => `\`${type}\``).join(', ') +
      ' (the others reach the home and the CPPCC office): a department naming another is BAD_USER_INPUT.',
  })
  eventTypes: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'A department’s caller: its own department (the default); any other is refused.',
  })
  departmentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An office: the division whose events to receive, inside its own (the default).',
  })
  divisionCode?: string | null;
}

@InputType({ description: 'The subscription a step applies to.' })
export class WebhookSubscriptionStepInput {
  @Field(() => ID, { description: 'The UUID of the subscription.' })
  subscriptionId: string;
}

@InputType({ description: 'The delivery to send again.' })
export class RedeliverWebhookInput {
  @Field(() => ID, { description: 'The UUID of the delivery.' })
  deliveryId: string;
}
