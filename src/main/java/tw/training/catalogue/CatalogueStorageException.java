package tw.training.catalogue;

import java.sql.SQLException;

/** The database failed under the catalogue; not the client's fault, so it surfaces as an unexpected error. */
final class CatalogueStorageException extends RuntimeException {

    CatalogueStorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** 23505 is the SQL state of a unique violation in both H2 and PostgreSQL. */
    boolean isUniqueViolation() {
        return getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
    }
}
