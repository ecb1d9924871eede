package vn.haiphong.gddt.local;

import java.util.HashMap;
import java.util.Map;
import vn.haiphong.gddt.reports.Env;

/**
 * The environment a command-line tool talks to AWS with: the caller's own, or an emulator's
 * endpoint given with {@code --endpoint} (any credentials do there).
 */
final class ToolEnv {
    private ToolEnv() {
    }

    static Env from(Args args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("AWS_REGION", args.value("--region", env.getOrDefault("AWS_REGION", "ap-southeast-1")));
        if (args.has("--endpoint")) {
            env.put("AWS_ENDPOINT_URL_DYNAMODB", args.value("--endpoint", null));
            env.putIfAbsent("AWS_ACCESS_KEY_ID", "local");
            env.putIfAbsent("AWS_SECRET_ACCESS_KEY", "local-secret");
        }
        return new Env(env);
    }
}
