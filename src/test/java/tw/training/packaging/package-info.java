/**
 * The packaged jar as README's first command runs it: a separate JVM on the embedded H2 default, driven over
 * HTTP by the JDK's own client. Run by failsafe after {@code package} ({@code mvn verify}), because some faults
 * only the shaded jar has (resources, service files, multi-release classes).
 */
package tw.training.packaging;
