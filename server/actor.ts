/**
 * Who acts, and when: what every audited write takes. `actor` is a username, or `system:…` for
 * the server's own work; `userId` is set when a signed-in person acts (stored records name them).
 */
export interface Actor {
  now: Date;
  actor: string;
  userId?: number | null;
}
