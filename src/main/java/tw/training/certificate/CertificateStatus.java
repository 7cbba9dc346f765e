package tw.training.certificate;

/** Whether a certificate stands. UNKNOWN only ever answers a verification of something never issued. */
public enum CertificateStatus {
    VALID, REVOKED, UNKNOWN
}
