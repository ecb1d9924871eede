package vn.haiphong.gddt.reports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * A test of an adapter against the real emulators (dynalite, S3Proxy, the SES emulator): run by
 * {@code mvn verify} (failsafe), left out of {@code mvn test}, which needs no Node. Its constructor or
 * methods may ask for the shared {@code Emulators}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("emulators")
@ExtendWith(EmulatorsExtension.class)
public @interface OnEmulators {
}
