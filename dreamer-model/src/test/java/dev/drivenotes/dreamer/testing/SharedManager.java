package dev.drivenotes.dreamer.testing;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.dreamer.model.Djl;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One DJL manager for a test class, opened before its first test and closed after its last: {@code
 * @RegisterExtension static final SharedManager DJL = new SharedManager();}, then {@code DJL.get()}.
 */
public final class SharedManager implements BeforeAllCallback, AfterAllCallback {

    private NDManager manager;

    @Override
    public void beforeAll(ExtensionContext context) {
        manager = Djl.newManager();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        manager.close();
        manager = null;
    }

    /** The open manager. */
    public NDManager get() {
        if (manager == null) {
            throw new IllegalStateException("the manager opens before the test class's first test");
        }
        return manager;
    }
}
