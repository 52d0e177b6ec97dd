import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** sha256 sources for the inline scripts of the SPA's shell (SvelteKit's bootstrap), so no 'unsafe-inline' is needed. */
export function inlineScriptHashes(spaDir: string | null): string[] {
  const index = spaDir ? join(spaDir, 'index.html') : null;
  if (!index || !existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`
  );
}

/**
 * Security headers with a strict content security policy: scripts only from this origin (plus
 * the shell's hashed bootstrap), no plugins, no framing, no foreign connections. Style
 * attributes stay allowed because Svelte's templates and chart.js set them; <style> elements do not.
 */
export async function registerSecurityHeaders(app: FastifyInstance, spaDir: string | null) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(spaDir)],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // The app frames its own digest archive; nobody else may frame it.
        frameAncestors: ["'self'"]
      }
    },
    // Only meaningful over HTTPS; harmless otherwise.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: true }
  });
}
