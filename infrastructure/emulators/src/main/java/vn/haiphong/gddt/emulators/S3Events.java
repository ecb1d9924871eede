package vn.haiphong.gddt.emulators;

import java.util.function.Consumer;

/** Where {@link Emulators#onObjectCreated} listeners are registered: the embedded store or a poller. */
interface S3Events extends AutoCloseable {

    AutoCloseable subscribe(Consumer<ObjectCreated> listener);

    /** True while an event already announced has not been handed to every listener yet. */
    boolean delivering();

    @Override
    void close();
}
