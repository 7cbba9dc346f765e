/**
 * What a course's plan covers and the accreditation dossier built from it: the iCAP competency-based
 * course table, module → standard task → indicators → K/S/A → assessment methods, with the codes and
 * versions of the source documents. Read-only views over a course and the catalogue.
 */
package tw.training.course.dossier;
