import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * A request with one more header: how the credentials authenticate. A function, not n8n's declarative
 * `={{$credentials.apiKey}}` form, because n8n evaluates that expression again for every request.
 */
export function withHeader(requestOptions: IHttpRequestOptions, name: string, value: string): IHttpRequestOptions {
	return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), [name]: value } };
}
