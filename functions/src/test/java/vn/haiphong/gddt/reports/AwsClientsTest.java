package vn.haiphong.gddt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;

class AwsClientsTest {

    /**
     * Without SnapStart Lambda puts the role's keys in AWS_ACCESS_KEY_ID and friends; with SnapStart it
     * gives container credentials instead, so a provider that reads only those variables fails there.
     */
    @Test
    void in_aws_the_clients_use_the_default_chain_which_finds_snapstarts_container_credentials() {
        AwsClients aws = new AwsClients(new Env(Map.of(
                "AWS_REGION", "ap-southeast-1",
                "AWS_ACCESS_KEY_ID", "ASIAEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_SESSION_TOKEN", "session")));

        assertThat(aws.credentialsProvider())
                .isInstanceOf(DefaultCredentialsProvider.class)
                .isNotInstanceOfAny(EnvironmentVariableCredentialsProvider.class, SystemPropertyCredentialsProvider.class,
                        StaticCredentialsProvider.class);
    }

    @Test
    void against_emulators_the_clients_sign_with_the_keys_given_for_them() {
        AwsClients aws = new AwsClients(new Env(Map.of(
                "AWS_REGION", "ap-southeast-1",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local-secret")));

        assertThat(aws.credentialsProvider()).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(aws.credentialsProvider().resolveCredentials().accessKeyId()).isEqualTo("local");
    }
}
