// The route toolkit (route-kit.ts): the readers every route file shares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError, ConflictError, issue, ValidationError } from '../errors.ts';
import {
  checkedStatus,
  contentDisposition,
  field,
  firstQueryValues,
  formBody,
  idParam,
  IdParams,
  invalidForm,
  refusesInput,
  Text,
  TextList,
  typedValues,
  type TypeBoxProvider,
} from './route-kit.ts';

function request(params: unknown): FastifyRequest {
  return { params } as unknown as FastifyRequest;
}

function status(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.status : -1;
  }
}

test('idParam reads a database id and makes anything else a 404', () => {
  assert.equal(idParam(request({ id: '42' })), 42);
  assert.equal(idParam(request({ unitId: '7' }), 'unitId'), 7);
  assert.equal(idParam(request({ id: '999999999' })), 999999999);
  for (const bad of ['0', '012', '-1', '1e3', '1.5', '', ' 1', '1234567890', 'abc'])
    assert.equal(
      status(() => idParam(request({ id: bad }))),
      404,
      bad,
    );
  assert.equal(
    status(() => idParam(request({}))),
    404,
    'missing',
  );
  assert.equal(
    status(() => idParam(request({ id: ['1', '2'] }))),
    404,
    'repeated',
  );
  assert.equal(
    status(() => idParam(request(undefined))),
    404,
    'no params',
  );
});

test('field reads one text field; absent or non-text is undefined', () => {
  assert.equal(field({ a: 'x' }, 'a'), 'x');
  assert.equal(field({ a: '' }, 'a'), '');
  assert.equal(field({ a: ['x'] }, 'a'), undefined);
  assert.equal(field({}, 'a'), undefined);
  assert.equal(field(undefined, 'a'), undefined);
  assert.equal(field('a=x', 'a'), undefined);
});

test('typedValues keeps the text fields but never the CSRF token or hidden fields', () => {
  const body = { title: '通知', _csrf: 'secret', pow_nonce: '17', tags: ['a', 'b'], n: 3 };
  assert.deepEqual(typedValues(body), { title: '通知', pow_nonce: '17' });
  assert.deepEqual(
    typedValues(body, (name) => name.startsWith('pow_')),
    { title: '通知' },
  );
  assert.deepEqual(typedValues(undefined), {});
  assert.deepEqual(typedValues('title=x'), {});
});

test('contentDisposition gives an ASCII fallback and the exact UTF-8 name (RFC 6266, 8187)', () => {
  assert.equal(
    contentDisposition('attachment', 'catalog.csv'),
    `attachment; filename="catalog.csv"; filename*=UTF-8''catalog.csv`,
  );
  assert.equal(
    contentDisposition('attachment', '2025年度报告.pdf'),
    `attachment; filename="2025____.pdf"; filename*=UTF-8''2025%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf`,
  );
  // A better ASCII name from the caller replaces the underscores.
  assert.equal(
    contentDisposition('inline', '答复告知书.docx', 'notice-12.docx'),
    `inline; filename="notice-12.docx"; filename*=UTF-8''%E7%AD%94%E5%A4%8D%E5%91%8A%E7%9F%A5%E4%B9%A6.docx`,
  );
  // Characters that would end the quoted name or split the header never get through; those
  // RFC 8187 does not allow bare are percent-encoded.
  const tricky = contentDisposition('attachment', `a"b;c\\d\r\ne'(1)*.txt`);
  assert.doesNotMatch(tricky, /[\r\n]/);
  assert.match(tricky, /^attachment; filename="[^"]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/);
  assert.match(tricky, /%27%281%29%2A\.txt$/);
  // A path is reduced to its last part.
  assert.match(contentDisposition('attachment', '../../etc/passwd'), /filename="passwd"/);
});

test('route schemas: IdParams accepts what idParam accepts, a page query reads the first value', async () => {
  const app = Fastify().withTypeProvider<TypeBoxProvider>();
  const seen: string[] = [];
  app.setErrorHandler(async (error: Error & { validationContext?: string }, _req, reply) =>
    reply.code(error.validationContext === 'params' ? 404 : 400).send(error.validationContext),
  );
  app.get('/things/:id', { schema: { params: IdParams } }, async (req) => {
    seen.push(req.params.id);
    return 'ok';
  });
  app.get(
    '/list',
    { schema: { querystring: Type.Object({ saved: Text }) }, preValidation: firstQueryValues },
    async (req) => req.query.saved ?? 'none',
  );
  for (const good of ['1', '42', '999999999'])
    assert.equal((await app.inject(`/things/${good}`)).statusCode, 200, good);
  assert.deepEqual(seen, ['1', '42', '999999999']);
  for (const bad of ['0', '012', '-1', '1e3', 'abc', '1234567890'])
    assert.equal((await app.inject(`/things/${bad}`)).statusCode, 404, bad);
  assert.equal((await app.inject('/list')).body, 'none');
  assert.equal((await app.inject('/list?saved=1')).body, '1');
  assert.equal((await app.inject('/list?saved=1&saved=2')).body, '1');
  await app.close();
});

test('a query name declared a TextList keeps every value, one included; the others read their first', async () => {
  const app = Fastify().withTypeProvider<TypeBoxProvider>();
  app.get(
    '/search',
    { schema: { querystring: Type.Object({ q: Text, link: TextList }) }, preValidation: firstQueryValues },
    async (req) => ({ q: req.query.q ?? null, link: req.query.link ?? null }),
  );
  const read = async (url: string) => (await app.inject(url)).json();
  assert.deepEqual(await read('/search'), { q: null, link: null });
  assert.deepEqual(await read('/search?q=a&link=x'), { q: 'a', link: ['x'] });
  assert.deepEqual(await read('/search?q=a&q=b&link=x&link=y'), { q: 'a', link: ['x', 'y'] });
  await app.close();
});

test('formBody gives a posted body as its fields, and an empty record for anything else', () => {
  const body = (value: unknown) => formBody({ body: value } as FastifyRequest);
  assert.deepEqual(body({ a: '1', b: ['2', '3'] }), { a: '1', b: ['2', '3'] });
  for (const none of [undefined, null, 'text', ['a'], 42]) assert.deepEqual(body(none), {});
});

test('invalidForm: one 422 for readForm issues and a service ValidationError alike, values as given', () => {
  const issues = [issue('title', 'field.required', { label: 'x' })];
  const fromIssues = invalidForm(issues, { title: '' });
  assert.deepEqual(fromIssues, { values: { title: '' }, issues, status: 422 });
  assert.deepEqual(invalidForm(new ValidationError(issues)), { values: undefined, issues, status: 422 });
  assert.equal(checkedStatus([]), 200);
  assert.equal(checkedStatus(issues), 422);
  // A reader's AppError about the input refuses it like a ValidationError; a conflict does not.
  assert.equal(refusesInput(new ValidationError(issues)), true);
  assert.equal(refusesInput(new AppError(422, 'format', { zh: '格式', en: 'format' })), true);
  assert.equal(refusesInput(new ConflictError('error.forbidden')), false);
  assert.equal(refusesInput(new Error('x')), false);
});
