// The Zapier face: turns an operation into a trigger, create or search. Generic: it never names an endpoint.
import type { Bundle, Create, PlainInputField, Search, Trigger, ZObject } from 'zapier-platform-core';
import { createApi, MAX_RESPONSE_BYTES, plainHeaders, ResponseTooLarge, type PageControl, type SendGridApi, type Transport } from './client';
import { InputError, SendGridError } from './errors';
import type { AnyOperation } from './operation';
import { baseUrlFor } from './region';
import { parseInput } from './validate';
import { fromZapierInput, inputFields } from './zapier-fields';

/** z.request as the client's transport. Auth is added by the app's beforeRequest, not here. */
const transportFor =
  (z: ZObject): Transport =>
  async ({ method, url, headers, body }, signal) => {
    try {
      const response = await z.request({
        url,
        method,
        headers,
        body,
        // merge: false keeps Zapier from scanning user text (an email body) for {{bundle.*}} templates.
        merge: false,
        skipThrowForStatus: true,
        // Passed to node-fetch: a redirect is reported by the client, never followed (a 307 would
        // re-send the body and the subuser header elsewhere); the answer is read up to a cap, and
        // the signal ends the call at its deadline.
        redirect: 'manual',
        size: MAX_RESPONSE_BYTES,
        signal,
      } as Parameters<ZObject['request']>[0]);
      return { status: response.status, headers: plainHeaders(response.headers.entries()), text: response.content ?? '' };
    } catch (error) {
      if ((error as { type?: string }).type === 'max-size') throw new ResponseTooLarge((error as Error).message);
      throw error;
    }
  };

/** Zapier's own limit for one step is 30 s; ending sooner lets our message, not a bare timeout, reach the user. */
const ZAPIER_DEADLINE_MS = 25_000;

export const apiFor = (z: ZObject, bundle: Bundle, scopes?: readonly string[], paging?: PageControl, deadlineMs = ZAPIER_DEADLINE_MS): SendGridApi =>
  createApi(transportFor(z), {
    baseUrl: baseUrlFor(bundle.authData.region),
    scopes,
    paging,
    secrets: [bundle.authData.api_key ?? ''],
    deadlineMs,
  });

/**
 * Our errors in Zapier's terms: a throttle Zapier retries later, an expired connection, or a plain error.
 * Each is marked not to be "contextified": Zapier would otherwise append what happened, including the
 * first 100 characters of SendGrid's answer, unredacted.
 */
export function zapierError(z: ZObject, error: unknown): Error {
  const quiet = <E extends Error>(e: E) => Object.assign(e, { doNotContextify: true });
  if (error instanceof InputError) return new z.errors.Error(error.message, 'invalid_input', 400);
  // Halted, not failed, when the step may have taken effect: Zapier's Autoreplay must not run it again
  // (a mail would go out twice). A partly sent mail says so with `halt`, as a SendGridError does.
  if (!(error instanceof SendGridError))
    return (error as { halt?: boolean }).halt ? quiet(new z.errors.HaltedError((error as Error).message)) : quiet(error instanceof Error ? error : new Error(String(error)));
  if (error.status === 429) return new z.errors.ThrottledError(error.message, error.retryAfter ?? 60);
  if (error.status === 401) return quiet(new z.errors.ExpiredAuthError(error.message));
  if (error.halt) return quiet(new z.errors.HaltedError(error.message));
  return new z.errors.Error(error.message, `sendgrid_${error.failure ?? error.status}`, error.status || undefined);
}

/** Where a step finds its operation: at hand (the app built from source), or loaded on first use (the build). */
export type Load = () => Promise<AnyOperation>;

export interface PerformOptions {
  paged?: boolean;
  list?: boolean;
  trigger?: boolean;
}

/** The step's perform: input parsed before any request, errors in Zapier's terms, lists for triggers and searches. */
function perform(load: Load, { paged = false, list = false, trigger = false }: PerformOptions = {}) {
  return async (z: ZObject, bundle: Bundle) => {
    try {
      const operation = await load();
      const raw = operation.zapier?.input ? operation.zapier.input(bundle.inputData) : bundle.inputData;
      const input = parseInput(operation.input, fromZapierInput(operation.input, raw, { dropUnknown: trigger }));
      // Triggers return the page Zapier asks for; the Marketing API's page token is kept in z.cursor.
      const paging: PageControl | undefined = paged
        ? { page: bundle.meta?.page ?? 0, getCursor: () => z.cursor.get(), setCursor: async (c) => void (await z.cursor.set(c)) }
        : undefined;
      const result = await operation.perform(apiFor(z, bundle, operation.scopes, paging), input);
      return list ? asList(result) : result;
    } catch (error) {
      throw zapierError(z, error);
    }
  };
}

const asList = (result: unknown) => (result === undefined || result === null ? [] : Array.isArray(result) ? result : [result]);

/** The operation's account-dependent fields (`zapier.fields`), as the function Zapier calls when the form loads. */
const extraFields = (load: Load) => async (z: ZObject, bundle: Bundle) => {
  try {
    const operation = await load();
    return (await operation.zapier!.fields!(apiFor(z, bundle, operation.scopes), bundle.inputData ?? {})) as PlainInputField[];
  } catch (error) {
    throw zapierError(z, error);
  }
};

/** The parts of a step that depend on its kind: how its perform treats results, and what it adds to display and operation. */
const KINDS = {
  create: (_op: AnyOperation) => ({ run: {}, display: {}, extra: {} }),
  search: (_op: AnyOperation) => ({ run: { list: true }, display: {}, extra: {} }),
  trigger: (op: AnyOperation, hidden = false) => {
    const paged = Boolean(op.paged);
    return {
      run: { paged, list: true, trigger: true },
      display: { description: `Triggers when ${op.triggersWhen}.`, hidden },
      // Only what SendGrid pages can paginate: a one-shot list would repeat itself on "Load more".
      extra: { type: 'polling' as const, canPaginate: paged },
    };
  },
};

/** What every step type shares; the kind adds what is particular to it. */
function step(operation: AnyOperation, kind: ReturnType<(typeof KINDS)[keyof typeof KINDS]>) {
  const load = async () => operation;
  return {
    key: operation.key,
    noun: operation.noun,
    display: { label: operation.label, description: operation.description, ...kind.display },
    operation: {
      ...kind.extra,
      inputFields: [...inputFields(operation.input), ...(operation.zapier?.fields ? [extraFields(load)] : [])],
      sample: operation.sample,
      perform: perform(load, kind.run),
    },
  };
}

export const toCreate = (operation: AnyOperation) => step(operation, KINDS.create(operation)) satisfies Create;

export const toSearch = (operation: AnyOperation) => step(operation, KINDS.search(operation)) satisfies Search;

/** A polling trigger; `hidden` ones only fill dynamic dropdowns. */
export const toTrigger = (operation: AnyOperation, { hidden = false } = {}) => step(operation, KINDS.trigger(operation, hidden)) satisfies Trigger;

/** A step as the build writes it: every part but its functions, and how to give them back. */
export interface StepData {
  definition: { key: string; noun: string; display: object; operation: { inputFields: unknown[]; [more: string]: unknown } };
  run: PerformOptions;
  /** It has account-dependent fields, appended to inputFields as a function. */
  extraFields: boolean;
}

/** The serializable part of a step, for the build to write (the eager step's functions left out). */
export function stepData(operation: AnyOperation, kind: 'create' | 'search' | 'trigger', hidden = false): StepData {
  const parts = kind === 'trigger' ? KINDS.trigger(operation, hidden) : KINDS[kind](operation);
  const { operation: op, ...rest } = step(operation, parts);
  const { perform: _perform, inputFields: fields, ...data } = op;
  return {
    definition: { ...rest, operation: { ...data, inputFields: fields.filter((field) => typeof field !== 'function') } },
    run: parts.run,
    extraFields: Boolean(operation.zapier?.fields),
  };
}

/** A step rebuilt from what the build wrote, its operation loaded (and its module run) only when the step runs. */
export function lazyStep({ definition, run, extraFields: extra }: StepData, load: Load) {
  let loaded: Promise<AnyOperation> | undefined;
  const once: Load = () => (loaded ??= load());
  return {
    ...definition,
    operation: { ...definition.operation, inputFields: [...definition.operation.inputFields, ...(extra ? [extraFields(once)] : [])], perform: perform(once, run) },
  };
}

/** A "find or create" step, for a search that names the create it pairs with (`zapier.searchOrCreate`). */
export const toSearchOrCreate = (search: AnyOperation) => ({
  key: search.key,
  display: { label: `Find or Create ${search.noun}`, description: `Finds a ${search.noun.toLowerCase()}, or creates one when none is found.` },
  search: search.key,
  create: search.zapier!.searchOrCreate!.create,
});

/** `{ [key]: definition }`, as the app wants them. */
export const byKey = <T extends { key: string }>(items: T[]): Record<string, T> =>
  Object.fromEntries(items.map((item) => [item.key, item]));
