/** Each build's three entries (main, `/presign`, `/verify`) as one object, so one test can run against both builds. */
import * as nodeMain from '../../src/node.ts';
import * as nodePresign from '../../src/presign-node.ts';
import * as webPresign from '../../src/presign-web.ts';
import * as nodeVerify from '../../src/verify-node.ts';
import * as webVerify from '../../src/verify-web.ts';
import * as webMain from '../../src/web.ts';

export const node = { ...nodeMain, ...nodePresign, ...nodeVerify };
export const web = { ...webMain, ...webPresign, ...webVerify };
