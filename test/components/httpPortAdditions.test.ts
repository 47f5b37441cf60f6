import { describe, expect, it } from '@jest/globals';
import { FetchHttpPort, type FetchLike } from '../../src/client/http/fetchHttpPort';
import { LmsApiError } from '../../src/client/lmsApiError';

function port(respond: (url: string, init: RequestInit) => Response): { http: FetchHttpPort; sent: Array<{ url: string; init: RequestInit }> } {
  const sent: Array<{ url: string; init: RequestInit }> = [];
  const fetchImpl: FetchLike = async (url, init) => {
    sent.push({ url, init });
    return respond(url, init);
  };
  return { http: new FetchHttpPort({ baseUrl: 'https://lms.example/', getAccessToken: async () => 'tok', fetch: fetchImpl }), sent };
}

describe('FetchHttpPort: PUT, DELETE and file downloads', () => {
  it('sends PUT with a JSON body and DELETE without one, both with the bearer token', async () => {
    const { http, sent } = port(() => new Response(JSON.stringify({ ok: true }), { status: 200 }));
    expect(await http.putJson('/api/tenant/retention-policy', { inactiveDays: 30 })).toEqual({ ok: true });
    expect(await http.deleteJson('/api/me/privacy-notice/acceptance')).toEqual({ ok: true });
    expect(sent.map((s) => [s.init.method, s.url, s.init.body ?? null])).toEqual([
      ['PUT', 'https://lms.example/api/tenant/retention-policy', '{"inactiveDays":30}'],
      ['DELETE', 'https://lms.example/api/me/privacy-notice/acceptance', null],
    ]);
    expect((sent[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('downloads a file as a blob, named by Content-Disposition', async () => {
    const { http, sent } = port(
      () => new Response('%PDF-1.7', { status: 200, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="certificate-ATR-7K3M-QX9P-2WHD.pdf"' } }),
    );
    const file = await http.getBlob('/api/certificates/c1/pdf');
    expect(file.fileName).toBe('certificate-ATR-7K3M-QX9P-2WHD.pdf');
    expect(await file.blob.text()).toBe('%PDF-1.7');
    expect((sent[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it("refuses a failed download with the service's message", async () => {
    const { http } = port(() => new Response(JSON.stringify({ error: { code: 'not_found', message: 'certificate not found' } }), { status: 404 }));
    const failure = await http.getBlob('/api/certificates/c1/pdf').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LmsApiError);
    expect((failure as LmsApiError).message).toBe('certificate not found');
    expect((failure as LmsApiError).status).toBe(404);
  });
});
