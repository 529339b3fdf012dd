package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code src/test/python/kms_stub.py} in its own process: KMS and STS on 127.0.0.1, speaking
 * their wire protocols to real AWS clients, recording what they send. It ends when its
 * standard input closes.
 */
final class AwsStubProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Credentials the stub accepts, for the principal {@code arn}. */
  record Credentials(String accessKey, String secretKey, String arn) {}

  private final Process process;
  private final String url;

  private AwsStubProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static AwsStubProcess start(List<Credentials> identities) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        RealClients.PYTHON.toString(), "-B", "src/test/python/kms_stub.py"));
    for (Credentials identity : identities) {
      command.add(identity.accessKey() + "=" + identity.secretKey() + "=" + identity.arn());
    }
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String first = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)).readLine();
    assertThat(first).as("the stub's first line").isNotNull().startsWith("port ");
    return new AwsStubProcess(process, "http://127.0.0.1:" + first.substring(5));
  }

  /** The endpoint URL to give a client. */
  String url() {
    return url;
  }

  /** Every request received, in order: service, region, operation, params, caller, error. */
  List<JsonNode> requests() throws Exception {
    return list(get("/stub/requests"));
  }

  /** The grants KMS holds now. */
  List<JsonNode> grants() throws Exception {
    return list(get("/stub/grants"));
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create(url + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
