package vn.haiphong.gddt.local.cold;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.Env;

/**
 * bench-cold's SDK baseline: what any handler of this jar must pay at least. Builds the clients the
 * handlers build, through the project's one factory, and makes one cheap call per invocation (a
 * DynamoDB GetItem of a key that does not exist). A handler's cold start over this is its own code.
 */
public final class SdkBaselineHandler implements RequestHandler<Object, String> {
    private final DynamoDbClient dynamo;
    // Built and kept as a handler keeps them; only DynamoDB is called.
    private final S3Client s3;
    private final S3Presigner presigner;
    private final SesV2Client ses;
    private final String table;

    public SdkBaselineHandler() {
        Env env = Env.system();
        AwsClients aws = new AwsClients(env);
        this.dynamo = aws.dynamoDb();
        this.table = env.required("TABLE_NAME");
        this.s3 = aws.s3();
        this.presigner = aws.s3Presigner();
        this.ses = aws.ses();
    }

    @Override
    public String handleRequest(Object event, Context context) {
        return dynamo.getItem(r -> r.tableName(table).key(Map.of("PK", AttributeValue.fromS("BENCH#baseline"),
                "SK", AttributeValue.fromS("BENCH#baseline")))).hasItem() ? "found" : "absent";
    }
}
