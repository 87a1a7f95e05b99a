// Compares two schemas in the direction data flows: a request schema may accept more (widen) but not
// less (narrow); a response schema may add fields but not drop them, make them optional or change
// their type. References are followed and `allOf` merged on both sides.
import { isObject, type JsonObject, pointer } from '@volc-openapi/spec-model';
import { canonical, followLoose } from './document.ts';
import { FindingList } from './findings.ts';

export type Direction = 'request' | 'response';

export interface SchemaSide {
  document: JsonObject;
  node: unknown;
  at: string[];
}

interface Context {
  direction: Direction;
  findings: FindingList;
  seen: Set<string>;
}

interface Resolved {
  node: JsonObject;
  at: string[];
}

function resolve(side: SchemaSide, depth = 0): Resolved {
  const { node, at } = followLoose(side.document, side.node, side.at);
  if (!Array.isArray(node.allOf) || depth > 8) return { node, at };
  const { allOf, ...own } = node;
  const merged: JsonObject = {};
  allOf.forEach((branch, index) => {
    const part = resolve(
      { document: side.document, node: branch, at: [...at, 'allOf', String(index)] },
      depth + 1,
    );
    for (const [key, value] of Object.entries(part.node)) {
      if (key === 'properties' && isObject(value))
        merged.properties = { ...(isObject(merged.properties) ? merged.properties : {}), ...value };
      else if (key === 'required' && Array.isArray(value))
        merged.required = [
          ...new Set([...(Array.isArray(merged.required) ? merged.required : []), ...value]),
        ];
      else merged[key] = value;
    }
  });
  for (const [key, value] of Object.entries(own)) {
    if (key === 'properties' && isObject(value))
      merged.properties = { ...(isObject(merged.properties) ? merged.properties : {}), ...value };
    else if (key === 'required' && Array.isArray(value))
      merged.required = [...new Set([...(Array.isArray(merged.required) ? merged.required : []), ...value])];
    else merged[key] = value;
  }
  return { node: merged, at };
}

function typesOf(schema: JsonObject): Set<string> {
  if (typeof schema.type === 'string') return new Set([schema.type === 'integer' ? 'integer' : schema.type]);
  if (Array.isArray(schema.type)) return new Set(schema.type.map(String));
  if (isObject(schema.properties)) return new Set(['object']);
  if (schema.items !== undefined) return new Set(['array']);
  return new Set();
}

const describeTypes = (types: Set<string>) => (types.size === 0 ? 'any' : [...types].sort().join('|'));

/** Does `wide` accept every value of type set `narrow`? (integer counts as a number) */
function covers(wide: Set<string>, narrow: Set<string>): boolean {
  if (wide.size === 0) return true;
  if (narrow.size === 0) return false;
  return [...narrow].every((type) => wide.has(type) || (type === 'integer' && wide.has('number')));
}

const num = (value: unknown) => (typeof value === 'number' ? value : undefined);

const DOC_KEYS = ['description', 'title', 'examples', 'example', 'default', 'deprecated', 'externalDocs'];

function compareBounds(base: JsonObject, head: JsonObject, label: string, at: string, ctx: Context): void {
  if (ctx.direction !== 'request') return;
  const lower = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
  const upper = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
  for (const key of [...lower, ...upper]) {
    const before = num(base[key]);
    const after = num(head[key]);
    if (before === after) continue;
    const isLower = lower.includes(key);
    const tighter =
      after !== undefined && (before === undefined || (isLower ? after > before : after < before));
    ctx.findings.add(
      tighter ? 'breaking' : 'compatible',
      tighter ? 'request-narrowed' : 'request-widened',
      'head',
      at,
      `${label}: ${key} ${before ?? 'none'} → ${after ?? 'none'}`,
    );
  }
  for (const key of ['pattern', 'format', 'multipleOf', 'const']) {
    const before = base[key];
    const after = head[key];
    if (canonical(before) === canonical(after)) continue;
    const widened = after === undefined;
    ctx.findings.add(
      widened ? 'compatible' : 'breaking',
      widened ? 'request-widened' : 'request-narrowed',
      'head',
      at,
      `${label}: ${key} ${JSON.stringify(before) ?? 'none'} → ${JSON.stringify(after) ?? 'none'}`,
    );
  }
}

function compareEnum(base: JsonObject, head: JsonObject, label: string, at: string, ctx: Context): void {
  const before = Array.isArray(base.enum) ? base.enum.map(canonical) : undefined;
  const after = Array.isArray(head.enum) ? head.enum.map(canonical) : undefined;
  if (canonical(before) === canonical(after)) return;
  const removed = before ? before.filter((value) => !after?.includes(value)) : [];
  const added = after ? after.filter((value) => !before?.includes(value)) : [];
  const narrowedByNewEnum = before === undefined && after !== undefined;
  const widenedByNoEnum = before !== undefined && after === undefined;
  if (ctx.direction === 'request') {
    if (narrowedByNewEnum || (!widenedByNoEnum && removed.length > 0))
      ctx.findings.add(
        'breaking',
        'request-narrowed',
        'head',
        at,
        `${label}: enum ${narrowedByNewEnum ? `now limited to ${after?.join(', ')}` : `lost ${removed.join(', ')}`}`,
      );
    if (widenedByNoEnum || added.length > 0)
      ctx.findings.add(
        'compatible',
        'request-widened',
        'head',
        at,
        `${label}: enum ${widenedByNoEnum ? 'no longer limited' : `gained ${added.join(', ')}`}`,
      );
  } else {
    const what = widenedByNoEnum
      ? 'no longer limited'
      : narrowedByNewEnum
        ? `now limited to ${after?.join(', ')}`
        : [
            added.length ? `gained ${added.join(', ')}` : '',
            removed.length ? `lost ${removed.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join(', ');
    ctx.findings.add('compatible', 'response-enum-changed', 'head', at, `${label}: enum ${what}`);
  }
}

function compareObjects(
  base: Resolved,
  head: Resolved,
  sides: [SchemaSide, SchemaSide],
  label: string,
  ctx: Context,
): void {
  const baseProps = isObject(base.node.properties) ? base.node.properties : {};
  const headProps = isObject(head.node.properties) ? head.node.properties : {};
  const baseRequired = new Set(Array.isArray(base.node.required) ? base.node.required.map(String) : []);
  const headRequired = new Set(Array.isArray(head.node.required) ? head.node.required.map(String) : []);
  const name = (property: string) => (label ? `${label}.${property}` : property);
  const request = ctx.direction === 'request';
  for (const property of Object.keys(baseProps)) {
    const at = pointer([...base.at, 'properties', property]);
    if (!(property in headProps)) {
      ctx.findings.add(
        'breaking',
        request ? 'request-parameter-removed' : 'response-field-removed',
        'base',
        at,
        `${name(property)} removed`,
      );
      continue;
    }
    const headAt = pointer([...head.at, 'properties', property]);
    const was = baseRequired.has(property);
    const is = headRequired.has(property);
    if (was && !is)
      ctx.findings.add(
        request ? 'compatible' : 'breaking',
        request ? 'request-parameter-made-optional' : 'response-field-made-optional',
        'head',
        headAt,
        `${name(property)} is no longer required`,
      );
    if (!was && is)
      ctx.findings.add(
        request ? 'breaking' : 'compatible',
        request ? 'request-parameter-made-required' : 'response-field-made-required',
        'head',
        headAt,
        `${name(property)} is now required`,
      );
    compareSchemas(
      { document: sides[0].document, node: baseProps[property], at: [...base.at, 'properties', property] },
      { document: sides[1].document, node: headProps[property], at: [...head.at, 'properties', property] },
      ctx,
      name(property),
    );
  }
  for (const property of Object.keys(headProps)) {
    if (property in baseProps) continue;
    const at = pointer([...head.at, 'properties', property]);
    if (request && headRequired.has(property))
      ctx.findings.add(
        'breaking',
        'request-parameter-added-required',
        'head',
        at,
        `${name(property)} added as required`,
      );
    else
      ctx.findings.add(
        'compatible',
        request ? 'request-parameter-added' : 'response-field-added',
        'head',
        at,
        `${name(property)} added${request ? ' (optional)' : ''}`,
      );
  }
  if (
    request &&
    base.node.additionalProperties !== false &&
    head.node.additionalProperties === false &&
    Object.keys(baseProps).length > 0
  )
    ctx.findings.add(
      'breaking',
      'request-narrowed',
      'head',
      pointer(head.at),
      `${label || 'the body'}: no longer accepts properties it does not name`,
    );
}

function compareBranches(
  base: Resolved,
  head: Resolved,
  sides: [SchemaSide, SchemaSide],
  label: string,
  ctx: Context,
): void {
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const before = Array.isArray(base.node[keyword]) ? (base.node[keyword] as unknown[]) : [];
    const after = Array.isArray(head.node[keyword]) ? (head.node[keyword] as unknown[]) : [];
    const common = Math.min(before.length, after.length);
    for (let index = 0; index < common; index++) {
      compareSchemas(
        { document: sides[0].document, node: before[index], at: [...base.at, keyword, String(index)] },
        { document: sides[1].document, node: after[index], at: [...head.at, keyword, String(index)] },
        ctx,
        label,
      );
    }
    const added = after.length - before.length;
    if (added !== 0) {
      // More forms widen what a request may send (compatible) and what a response may return (breaking);
      // fewer forms narrow them, the other way round.
      const request = ctx.direction === 'request';
      const widened = added > 0;
      ctx.findings.add(
        request === widened ? 'compatible' : 'breaking',
        request
          ? widened
            ? 'request-widened'
            : 'request-narrowed'
          : widened
            ? 'response-type-changed'
            : 'response-narrowed',
        'head',
        pointer([...head.at, keyword]),
        `${label || 'the schema'}: ${Math.abs(added)} ${widened ? 'more' : 'fewer'} ${keyword} form(s)`,
      );
    }
  }
}

const unionKeyword = (schema: JsonObject) =>
  Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined;

/** Would the change from `base` to `head` break nothing, in the context's direction? (Findings discarded.) */
function fits(base: SchemaSide, head: SchemaSide, ctx: Context): boolean {
  const trial = schemaContext(ctx.direction, new FindingList({ action: '', version: '' }));
  for (const key of ctx.seen) trial.seen.add(key);
  compareSchemas(base, head, trial, '');
  return trial.findings.items.every((finding) => finding.severity === 'compatible');
}

/**
 * A plain schema that became a union (`oneOf`/`anyOf`), or a union that became a plain schema: the plain
 * one is compared with each form. A request stays compatible when some new form accepts the old plain
 * schema, or the new plain schema accepts every old form; a response, when every new form fits the old
 * plain schema, or the new plain schema fits some old form. Returns whether it was such a change.
 */
function compareUnionTransition(
  base: Resolved,
  head: Resolved,
  sides: [SchemaSide, SchemaSide],
  label: string,
  ctx: Context,
): boolean {
  const baseKeyword = unionKeyword(base.node);
  const headKeyword = unionKeyword(head.node);
  if ((baseKeyword === undefined) === (headKeyword === undefined)) return false;
  const toUnion = headKeyword !== undefined;
  const keyword = (headKeyword ?? baseKeyword) as 'oneOf' | 'anyOf';
  const [union, plain] = toUnion
    ? [
        { ...head, document: sides[1].document },
        { ...base, document: sides[0].document },
      ]
    : [
        { ...base, document: sides[0].document },
        { ...head, document: sides[1].document },
      ];
  const forms: SchemaSide[] = (union.node[keyword] as unknown[]).map((node, index) => ({
    document: union.document,
    node,
    at: [...union.at, keyword, String(index)],
  }));
  const fitting = forms.filter((form) => (toUnion ? fits(plain, form, ctx) : fits(form, plain, ctx))).length;
  const request = ctx.direction === 'request';
  const compatible = request === toUnion ? fitting > 0 : fitting === forms.length;
  const verb = (count: number) => `${request ? 'accept' : 'fit'}${count === 1 ? 's' : ''}`;
  const change = toUnion
    ? `now a union (${keyword}) of ${forms.length} form(s), ${fitting} of which ${verb(fitting)} what was ${request ? 'sent' : 'returned'}`
    : `no longer a union (${keyword}): it ${verb(1)} ${fitting} of its ${forms.length} earlier form(s)`;
  ctx.findings.add(
    compatible ? 'compatible' : 'breaking',
    request
      ? compatible
        ? 'request-widened'
        : 'request-narrowed'
      : compatible
        ? 'response-narrowed'
        : 'response-type-changed',
    'head',
    pointer(head.at),
    `${label || 'the schema'}: ${change}`,
  );
  return true;
}

/** Compares the schema `base` (released) with `head` (working), recording findings under `label`. */
export function compareSchemas(
  baseSide: SchemaSide,
  headSide: SchemaSide,
  ctx: Context,
  label: string,
): void {
  const base = resolve(baseSide);
  const head = resolve(headSide);
  const key = `${pointer(base.at)}\n${pointer(head.at)}\n${label}`;
  if (ctx.seen.has(key)) return;
  ctx.seen.add(key);
  const at = pointer(head.at);
  if (compareUnionTransition(base, head, [baseSide, headSide], label, ctx)) return;
  const baseTypes = typesOf(base.node);
  const headTypes = typesOf(head.node);
  if (describeTypes(baseTypes) !== describeTypes(headTypes)) {
    if (ctx.direction === 'response')
      ctx.findings.add(
        'breaking',
        'response-type-changed',
        'head',
        at,
        `${label || 'the result'}: type ${describeTypes(baseTypes)} → ${describeTypes(headTypes)}`,
      );
    else if (covers(headTypes, baseTypes))
      ctx.findings.add(
        'compatible',
        'request-widened',
        'head',
        at,
        `${label}: type ${describeTypes(baseTypes)} → ${describeTypes(headTypes)}`,
      );
    else
      ctx.findings.add(
        'breaking',
        'request-narrowed',
        'head',
        at,
        `${label}: type ${describeTypes(baseTypes)} → ${describeTypes(headTypes)}`,
      );
  }
  compareEnum(base.node, head.node, label, at, ctx);
  compareBounds(base.node, head.node, label, at, ctx);
  const sides: [SchemaSide, SchemaSide] = [baseSide, headSide];
  if (
    baseTypes.has('object') ||
    headTypes.has('object') ||
    isObject(base.node.properties) ||
    isObject(head.node.properties)
  )
    compareObjects(base, head, sides, label, ctx);
  if (base.node.items !== undefined && head.node.items !== undefined)
    compareSchemas(
      { document: baseSide.document, node: base.node.items, at: [...base.at, 'items'] },
      { document: headSide.document, node: head.node.items, at: [...head.at, 'items'] },
      ctx,
      `${label}[]`,
    );
  compareBranches(base, head, sides, label, ctx);
  const docChanged = DOC_KEYS.filter(
    (docKey) => canonical(base.node[docKey]) !== canonical(head.node[docKey]),
  );
  if (docChanged.length > 0)
    ctx.findings.add(
      'compatible',
      'documentation',
      'head',
      at,
      `${label || 'the schema'}: ${docChanged.join(', ')} changed`,
    );
}

export function schemaContext(direction: Direction, findings: FindingList): Context {
  return { direction, findings, seen: new Set() };
}
