package vn.haiphong.gddt.emulators;

/**
 * Run by {@link EmulatorsLifecycleTest} in a JVM it then kills with SIGKILL: starts a stack, prints the
 * pids of the processes it spawned, and waits to die.
 */
public final class StackInAnotherJvm {

    private StackInAnotherJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        Emulators.start(EmulatorOptions.inMemory());
        ProcessHandle.current().descendants().forEach(child -> System.out.println("PID " + child.pid()));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
