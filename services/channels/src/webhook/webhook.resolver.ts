import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OnSurfaces, PageArgs, toConnection, toPage } from '@cppcc/toolkit';
import type { Context } from '../context';
import type { UrlPolicy } from './webhook-url';
import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  DELIVERY_ORDER,
  listDeliveries,
  listWebhookSubscriptions,
  pauseWebhookSubscription,
  redeliverWebhook,
  resumeWebhookSubscription,
  rotateWebhookSecret,
  MAX_SUBSCRIPTIONS_PER_OWNER,
} from './webhook.service';
import {
  CreateWebhookSubscriptionInput,
  CreateWebhookSubscriptionPayload,
  RedeliverWebhookInput,
  RotateWebhookSecretPayload,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookSubscription,
  WebhookSubscriptionConnection,
  WebhookSubscriptionStepInput,
} from './webhook.types';

/**
 * Webhooks of a department (for its own events) and of a CPPCC office (for its division's),
 * built over the URL policy the process was started with (`WEBHOOK_ALLOW_PRIVATE`,
 * `WEBHOOK_ALLOW_LOOPBACK`).
 */
export function webhookResolver(policy: UrlPolicy) {
  @Resolver(() => WebhookSubscription)
  class WebhookResolver {
    @OnSurfaces('city', 'county', 'department')
    @Query(() => WebhookSubscriptionConnection, {
      description: 'Your webhook subscriptions (a department’s own, an office’s), oldest first.',
    })
    async webhookSubscriptions(
      @Args(() => PageArgs) args: PageArgs,
      @Ctx() { em, caller }: Context,
    ) {
      const page = toPage(args);
      const { rows, total } = await listWebhookSubscriptions(em, caller, page.limit, page.offset);
      return toConnection(rows, total, page);
    }

    @FieldResolver(() => WebhookDeliveryConnection, {
      description:
        'Its deliveries with their attempts and answers, latest queued first (then latest event first). Cursors hold a delivery’s place, not a position: paging while new deliveries are queued sees each one once.',
    })
    async deliveries(
      @Root() subscription: WebhookSubscription,
      @Args(() => PageArgs) args: PageArgs,
      @Ctx() { em }: Context,
    ) {
      return listDeliveries(em, subscription.id, toPage(args, '', DELIVERY_ORDER));
    }

    @OnSurfaces('city', 'county', 'department')
    @Mutation(() => CreateWebhookSubscriptionPayload, {
      description:
        'Subscribes a URL to event types: a department to its own events (another department’s: ' +
        'FORBIDDEN), an office to its division’s. The URL is https at a public address; loopback ' +
        '(where plain http is accepted) and private or link-local addresses only where the ' +
        'operator allows them (otherwise BAD_USER_INPUT on input.url). ' +
        `At most ${MAX_SUBSCRIPTIONS_PER_OWNER} subscriptions ` +
        'per department or office (BAD_USER_INPUT on input.url). The secret is shown this once.',
    })
    createWebhookSubscription(
      @Arg('input', () => CreateWebhookSubscriptionInput) input: CreateWebhookSubscriptionInput,
      @Ctx() { em, caller }: Context,
    ) {
      return createWebhookSubscription(em, caller, input, policy);
    }

    @OnSurfaces('city', 'county', 'department')
    @Mutation(() => WebhookSubscription, {
      description: 'Stops sending; events are kept and sent in order on resuming.',
    })
    pauseWebhookSubscription(
      @Arg('input', () => WebhookSubscriptionStepInput) input: WebhookSubscriptionStepInput,
      @Ctx() { em, caller }: Context,
    ) {
      return pauseWebhookSubscription(em, caller, input.subscriptionId);
    }

    @OnSurfaces('city', 'county', 'department')
    @Mutation(() => WebhookSubscription, {
      description: 'Sends again, starting with what was kept while paused.',
    })
    resumeWebhookSubscription(
      @Arg('input', () => WebhookSubscriptionStepInput) input: WebhookSubscriptionStepInput,
      @Ctx() { em, caller }: Context,
    ) {
      return resumeWebhookSubscription(em, caller, input.subscriptionId);
    }

    @OnSurfaces('city', 'county', 'department')
    @Mutation(() => RotateWebhookSecretPayload, {
      description: 'A new signing secret; the old one keeps signing beside it for 24 hours.',
    })
    rotateWebhookSecret(
      @Arg('input', () => WebhookSubscriptionStepInput) input: WebhookSubscriptionStepInput,
      @Ctx() { em, caller }: Context,
    ) {
      return rotateWebhookSecret(em, caller, input.subscriptionId);
    }

    @OnSurfaces('city', 'county', 'department')
    @Mutation(() => String, {
      description: 'Deletes the subscription and its deliveries; returns its id.',
    })
    deleteWebhookSubscription(
      @Arg('input', () => WebhookSubscriptionStepInput) input: WebhookSubscriptionStepInput,
      @Ctx() { em, caller }: Context,
    ) {
      return deleteWebhookSubscription(em, caller, input.subscriptionId);
    }

    @OnSurfaces('city', 'county', 'department')
    @Mutation(() => WebhookDelivery, {
      description: 'Sends a delivery again (a failed one, or one wanted once more), in order.',
    })
    redeliverWebhook(
      @Arg('input', () => RedeliverWebhookInput) input: RedeliverWebhookInput,
      @Ctx() { em, caller }: Context,
    ) {
      return redeliverWebhook(em, caller, input.deliveryId);
    }
  }
  return WebhookResolver;
}
