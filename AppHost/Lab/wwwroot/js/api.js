// fetch() for the lab's JSON API: every failure becomes an ApiError with a sentence a person can read.
import { banner } from './notify.js';

/**
 * The lab answers 403 to a browser without this run's control token: the page was opened by its bare address, or the
 * AppHost has restarted since (a new token every run). The token only comes through its link.
 */
export const NO_TOKEN_MESSAGE =
  "This page has no valid control token, so the lab will not answer it. Open the lab through the link in the AppHost's " +
  'READY line (lab=…/?t=…) or the Lab link on the gateway in the Aspire dashboard.';

/** Whether an answer is the lab refusing this browser (no or an old token), rather than refusing one request. */
export function isTokenRefusal(status, body) {
  return status === 403 && body?.error === 'control token required';
}

export class ApiError extends Error {
  constructor(message, status, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

export async function api(method, url, body) {
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError(`the lab is not answering (${error.message})`, 0, null);
  }

  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }

  if (!response.ok) {
    if (isTokenRefusal(response.status, json)) banner(NO_TOKEN_MESSAGE);
    const reason = json?.detail || json?.error || json?.title || response.statusText || 'no reason given';
    throw new ApiError(`${response.status}: ${reason}`, response.status, json);
  }
  return json;
}

export const get = url => api('GET', url);
export const post = (url, body) => api('POST', url, body);
export const put = (url, body) => api('PUT', url, body);
export const del = url => api('DELETE', url);
