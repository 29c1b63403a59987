import type { AppError, CertificateInfo, ErrorCode, ProxyCause } from '../contract/errors';

/**
 * An expected failure with a contract error code and a message written for the user: what went
 * wrong and what to do. Messages must never contain a secret.
 */
export class AppFailure extends Error {
  override readonly name = 'AppFailure';
  readonly code: ErrorCode;
  readonly certificate: CertificateInfo | undefined;
  readonly certificateChanged: boolean | undefined;
  readonly proxy: ProxyCause | undefined;
  readonly issuerCertificate: CertificateInfo | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    extra: {
      certificate?: CertificateInfo;
      certificateChanged?: boolean;
      proxy?: ProxyCause;
      issuerCertificate?: CertificateInfo;
      cause?: unknown;
    } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    this.certificate = extra.certificate;
    this.certificateChanged = extra.certificateChanged;
    this.proxy = extra.proxy;
    this.issuerCertificate = extra.issuerCertificate;
  }

  toAppError(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.certificate ? { certificate: this.certificate } : {}),
      ...(this.certificateChanged ? { certificateChanged: true } : {}),
      ...(this.proxy ? { proxy: this.proxy } : {}),
      ...(this.issuerCertificate ? { issuerCertificate: this.issuerCertificate } : {}),
    };
  }
}

/** Maps anything thrown to a contract error; unknown errors become `internal` without their text. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.toAppError();
  return {
    code: 'internal',
    message:
      'Something unexpected went wrong inside Rancher Keys. Try again; if it persists, restart the app.',
  };
}
