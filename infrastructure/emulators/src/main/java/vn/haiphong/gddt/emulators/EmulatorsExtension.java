package vn.haiphong.gddt.emulators;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests an {@link Emulators} parameter (constructor, test or lifecycle method):
 * {@code @ExtendWith(EmulatorsExtension.class)}.
 *
 * <p>One stack serves the whole test run: started on first request, kept in the root context's store
 * and closed by JUnit when the run ends, failures or not. It is in memory and accepts browser requests
 * from {@code http://localhost:*} and {@code http://127.0.0.1:*}. Tests share it, so each should use its
 * own bucket, table names or keys.
 *
 * <p>When the system properties ask for containers this machine cannot start (no Docker), every test
 * class using this extension is skipped with the reason ({@link Emulators#unavailable}) instead of failing.
 */
public final class EmulatorsExtension implements ParameterResolver, ExecutionCondition {

    static final EmulatorOptions SHARED_OPTIONS = EmulatorOptions.builder()
            .corsOrigins("http://localhost:*", "http://127.0.0.1:*")
            .build();

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorsExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Emulators.unavailable(System::getProperty)
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("the emulators asked for can start here"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Emulators.class;
    }

    @Override
    public Emulators resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // JUnit closes AutoCloseable values of the root store when the run ends (JUnit 5.13+).
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Emulators.class, key -> Emulators.start(SHARED_OPTIONS), Emulators.class);
    }
}
