import { cleanup, render, screen, within } from './testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { CertificateDetails } from '../../../renderer/src/servers/CertificateDetails';

afterEach(cleanup);

const base = {
  fingerprint256: 'AB:CD',
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
};

describe('CertificateDetails', () => {
  it('shows each subject and issuer field on its own row, so one value cannot pass for two', () => {
    render(
      <CertificateDetails
        certificate={{
          ...base,
          subject: 'O=Evil, O=DigiCert Inc, CN=rancher.example.com',
          issuer: 'CN=<b>Root</b>',
          subjectFields: [
            { name: 'O', value: 'Evil, O=DigiCert Inc' },
            { name: 'CN', value: 'rancher.example.com' },
          ],
          issuerFields: [{ name: 'CN', value: '<b>Root</b>' }],
        }}
      />,
    );
    const subject = screen.getByTestId('certificate-subject');
    const names = within(subject)
      .getAllByRole('term')
      .map((t) => t.textContent);
    const values = within(subject)
      .getAllByRole('definition')
      .map((d) => d.textContent);
    expect(names).toEqual(['O', 'CN']);
    expect(values).toEqual(['Evil, O=DigiCert Inc', 'rancher.example.com']);
    // A value is text, never markup.
    const issuer = screen.getByTestId('certificate-issuer');
    expect(within(issuer).getByRole('definition').textContent).toBe('<b>Root</b>');
    expect(issuer.querySelector('b')).toBeNull();
  });

  it('falls back to the one-line form for an answer without fields', () => {
    render(<CertificateDetails certificate={{ ...base, subject: 'CN=a', issuer: 'CN=b' }} />);
    expect(screen.getByTestId('certificate-subject').textContent).toBe('CN=a');
  });
});
