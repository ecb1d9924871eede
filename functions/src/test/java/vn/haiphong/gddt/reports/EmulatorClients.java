package vn.haiphong.gddt.reports;

import java.util.Map;
import vn.haiphong.gddt.emulators.Emulators;

/** The project's own {@link AwsClients}, pointed at the emulators, for adapter tests. */
public final class EmulatorClients {
    private EmulatorClients() {
    }

    public static AwsClients of(Emulators emulators) {
        return new AwsClients(new Env(Map.of("AWS_REGION", emulators.region(),
                "AWS_ACCESS_KEY_ID", emulators.accessKeyId(), "AWS_SECRET_ACCESS_KEY", emulators.secretAccessKey(),
                "AWS_ENDPOINT_URL_S3", emulators.s3Endpoint().toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", emulators.dynamoDbEndpoint().toString(),
                "AWS_ENDPOINT_URL_SESV2", emulators.sesEndpoint().toString())));
    }
}
