import { json, type RequestHandler } from 'express';
import { refuseDeepJson } from './deep-json.verify';

/**
 * The API's JSON body parser: express.json with the body limit, refusing too-deep bodies before they are parsed.
 * Installed with app.use rather than app.useBodyParser, whose options reserve `verify` for Nest's rawBody capture
 * (which the urlencoded parser uses).
 */
export const untrustedJsonParser = (limitBytes: number): RequestHandler =>
  json({
    limit: limitBytes,
    verify: (request, response, body, encoding) => {
      refuseDeepJson(request, response, body, encoding);
      (request as { rawBody?: Buffer }).rawBody = body; // provider webhooks verify signatures over these bytes
    },
  });
