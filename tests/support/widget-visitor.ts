import { randomBytes } from 'node:crypto';
import type { HttpClient } from './http-client';

export interface TestVisitor {
  /** The short-lived access token. */
  token: string;
  refreshToken: string;
  sessionId: string;
  visitorId: string;
  customerId: string;
}

/** Starts a widget session through the public API, as the website widget does. */
export async function aVisitor(
  http: HttpClient,
  widgetKey: string,
  details: { name?: string; email?: string; ip?: string } = {},
): Promise<TestVisitor> {
  const { ip, ...body } = details;
  const response = await http.post('/widget/sessions', {
    body: { widgetKey, ...body },
    headers: ip ? { 'x-forwarded-for': ip } : {},
  });
  if (response.status !== 201) {
    throw new Error(`POST /widget/sessions answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  const { visitorToken, refreshToken, sessionId, visitorId, customerId } = response.body;
  return { token: visitorToken, refreshToken, sessionId, visitorId, customerId };
}

/** Swaps the visitor's refresh token for a new pair, as the widget does before its access token expires. */
export async function refreshVisitor(http: HttpClient, visitor: TestVisitor): Promise<TestVisitor> {
  const response = await http.post('/widget/sessions/refresh', { body: { refreshToken: visitor.refreshToken } });
  if (response.status !== 200) {
    throw new Error(`POST /widget/sessions/refresh answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return { ...visitor, token: response.body.visitorToken, refreshToken: response.body.refreshToken };
}

export const aClientMessageId = () => `m_${randomBytes(6).toString('hex')}`;

/** Sends a chat message as the visitor, as the widget does; resolves to the id of the conversation it went to. */
export async function visitorSays(http: HttpClient, visitor: TestVisitor, body: string): Promise<string> {
  const response = await http.post('/widget/messages', {
    token: visitor.token,
    body: { clientMessageId: aClientMessageId(), body },
  });
  if (response.status !== 202) {
    throw new Error(`POST /widget/messages answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body.conversationId as string;
}
