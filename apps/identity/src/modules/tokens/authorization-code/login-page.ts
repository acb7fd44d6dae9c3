import type { LocalizedMessage } from '@edu/errors';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Nothing loads from anywhere; no script runs; no other site may frame the page. */
export const PAGE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

const STYLE = `body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.3rem}label{display:block;margin-top:1rem}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1.5rem;padding:.6rem 1.2rem}.en{color:#555;font-size:.9em}.error{border-left:4px solid #b00020;padding:.5rem 1rem;background:#fdecee}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>
`;
}

const message = (m: LocalizedMessage) =>
  `<div class="error" role="alert"><p>${escapeHtml(m.vi)}</p><p class="en" lang="en">${escapeHtml(m.en)}</p></div>`;

/** The sign-in form of the authorization endpoint: Vietnamese first, English second; the request rides in hidden fields. */
export function loginPage(fields: Record<string, string>, opts: { username?: string; error?: LocalizedMessage } = {}): string {
  const hidden = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n');
  return page('Đăng nhập — edu-interop', `
<h1>Đăng nhập <span class="en" lang="en">Sign in</span></h1>
<p>Ứng dụng <strong>${escapeHtml(fields.client_id)}</strong> đề nghị truy cập thay cho bạn.
<span class="en" lang="en">The application above asks to act for you.</span></p>
${opts.error ? message(opts.error) : ''}
<form method="post" action="authorize" autocomplete="on">
${hidden}
<label for="username">Tên đăng nhập <span class="en" lang="en">Username</span></label>
<input id="username" name="username" autocomplete="username" required value="${escapeHtml(opts.username ?? '')}">
<label for="password">Mật khẩu <span class="en" lang="en">Password</span></label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập / Sign in</button>
</form>`);
}

/** A refusal that must not go back to the client (unknown client or redirect URI). */
export function errorPage(error: { code: string; text: LocalizedMessage }): string {
  return page('Không thể đăng nhập — edu-interop', `
<h1>Không thể tiếp tục <span class="en" lang="en">Cannot continue</span></h1>
${message(error.text)}
<p class="en">${escapeHtml(error.code)}</p>`);
}
