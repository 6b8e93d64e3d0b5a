import { Link } from 'wouter';

/**
 * An address that names no page of the app (or none for this role): says so, and offers the way
 * home. It tells nothing about whether anything exists behind the address.
 */
export function NotFound({ signedIn = true }: { signedIn?: boolean }) {
  return (
    <main className="not-found" data-testid="not-found">
      <h1>Not found</h1>
      <p>
        There is no page at <code>{window.location.pathname}</code>.
      </p>
      <p className="muted">Check the address, or go to {signedIn ? 'your start page' : 'the sign-in page'}.</p>
      <p>
        <Link href="/" className="button primary" data-testid="not-found-home">
          Go to the start page
        </Link>
      </p>
    </main>
  );
}
