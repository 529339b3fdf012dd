package io.github.asgkms.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CloudFormation intrinsics, the JSON strictness, the CLI script's words. */
class ReadersTest {
  private static final String STACK = """
      Resources:
        Role:
          Type: AWS::IAM::Role
          Properties:
            ManagedPolicyArns:
              - !Ref Policy
              - {"Ref": "Policy"}
        Policy:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Statement:
                - Effect: "Allow"
                  Action: "kms:CreateGrant"
                  Resource: !Sub "arn:${AWS::Partition}:kms:us-west-2:444455556666:key/*"
                  Condition:
                    StringEquals:
                      "kms:RetiringPrincipal": !GetAtt Role.Arn
                      "kms:GranteePrincipal": {"Fn::GetAtt": ["Role", "Arn"]}
        Function:
          Type: AWS::Lambda::Function
          Properties:
            Role: !GetAtt Role.Arn
        Grant:
          Type: Custom::KmsGrant
          Properties:
            ServiceToken: !GetAtt Function.Arn
            KeyId: "arn:aws-cn:kms:cn-north-1:444455556666:key/k"
            GranteePrincipal: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x"
            Operations: ["Decrypt"]
            Name: "asg-k"
            RetiringPrincipal: !GetAtt Role.Arn
      """;

  @Test
  void cloudFormationIntrinsicsResolveToTheValuesCloudFormationGivesThem() throws Exception {
    DocNode.Mapping root = (DocNode.Mapping) TreeReader.yaml("stack.yaml", STACK);
    Map<String, DocNode.Mapping> resources = new java.util.LinkedHashMap<>();
    ((DocNode.Mapping) root.entries().get("Resources")).entries()
        .forEach((k, v) -> resources.put(k, (DocNode.Mapping) v));
    CloudFormationValues values = new CloudFormationValues("aws-cn", "111122223333", resources);
    PolicyDocument doc = PolicyReader.read(CloudFormationValues.property(
        resources.get("Policy"), "PolicyDocument"), "p", null, values);
    Statement s = doc.statements().get(0);
    assertThat(s.resources()).containsExactly("arn:aws-cn:kms:us-west-2:444455556666:key/*");
    assertThat(s.conditions()).extracting(ConditionClause::values).containsExactly(
        List.of("arn:aws-cn:iam::111122223333:role/asg-kms-Role"),
        List.of("arn:aws-cn:iam::111122223333:role/asg-kms-Role"));
  }

  @Test
  void theStackGivesTheRolesPoliciesAndTheGrantsWithTheFunctionsRole() throws Exception {
    io.github.asgkms.plan.Plan plan = Plans.crossAccount("aws-cn");
    RenderedDocuments docs = new RenderedDocuments();
    CloudFormationDocuments.read(Map.of(
        "cloudformation/account-444455556666/key-policy-remote.yaml", "[]",
        "cloudformation/account-111122223333/auto-scaling-account-stack.yaml", STACK),
        plan, docs);
    String role = "arn:aws-cn:iam::111122223333:role/asg-kms-Role";
    assertThat(docs.identityPolicies()).containsOnlyKeys(role);
    assertThat(docs.identityPolicies().get(role)).hasSize(2);
    assertThat(docs.grants()).singleElement().satisfies(g -> {
      assertThat(g.caller()).isEqualTo(role);
      assertThat(g.request().retiringPrincipal()).isEqualTo(role);
      assertThat(g.request().grantee()).isEqualTo("arn:aws-cn:iam::111122223333:role/x");
    });
  }

  @Test
  void aStackResourceOrFunctionItCannotJudgeIsAnError() {
    assertThatThrownBy(() -> CloudFormationDocuments.read(Map.of(
        "cloudformation/account-444455556666/key-policy-remote.yaml", "[]",
        "cloudformation/account-111122223333/auto-scaling-account-stack.yaml",
        "Resources:\n  U:\n    Type: AWS::IAM::User\n"), Plans.crossAccount("aws"),
        new RenderedDocuments())).hasMessageContaining("resource U of type AWS::IAM::User is"
            + " not one the access model can judge the access of");
    assertThatThrownBy(() -> PolicyReader.read(TreeReader.yaml("k.yaml",
        "- Effect: Allow\n  Action: !Join [\"\", [kms, \":*\"]]\n"), "k", null,
        new CloudFormationValues("aws", "1", Map.of()))).hasMessageContaining(
            "expected a string, not !Join");
  }

  @Test
  void jsonWithADuplicateKeyOrAnUnknownElementIsAnError() {
    assertThatThrownBy(() -> TreeReader.json("p.json",
        "{\"Statement\": [], \"Statement\": []}")).hasMessageContaining("p.json:1:30: not JSON: Duplicate field 'Statement'");
    assertThatThrownBy(() -> PolicyReader.read(TreeReader.json("p.json",
        "[{\"Effect\": \"Allow\", \"Actions\": \"kms:*\"}]"), "p", null, ScalarValues.LITERAL))
        .hasMessageContaining("unknown statement element 'Actions'");
  }

  /** Two keys of one account, "a" and "b", for the key policy files. */
  private static final io.github.asgkms.plan.Plan TWO_KEYS = Plans.of("""
      version: 1
      autoScalingAccountId: "111122223333"
      keys:
        - name: a
          arn: arn:aws:kms:us-west-2:111122223333:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4a
        - name: b
          arn: arn:aws:kms:us-west-2:111122223333:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4b
      """);
  private static final String FOLDER = "cloudformation/account-111122223333/";
  private static final String ALLOW = "- Effect: Allow\n  Action: kms:Decrypt\n  Resource: '*'\n";

  @Test
  void keyPoliciesThatDifferOnlyInTheirOpeningCommentsAreReadOnceEach() throws Exception {
    RenderedDocuments docs = new RenderedDocuments();
    CloudFormationDocuments.read(Map.of(FOLDER + "key-policy-a.yaml", "# key a\n" + ALLOW,
        FOLDER + "key-policy-b.yaml", "# key b, another comment\n#\n" + ALLOW), TWO_KEYS, docs);
    List<PolicyDocument> policies = List.copyOf(docs.keyPolicies().values());
    assertThat(policies).extracting(PolicyDocument::origin).containsExactly(
        FOLDER + "key-policy-a.yaml", FOLDER + "key-policy-b.yaml");
    assertThat(policies.get(1).statements()).isSameAs(policies.get(0).statements())
        .singleElement().extracting(Statement::actions).isEqualTo(List.of("kms:Decrypt"));
  }

  @Test
  void aCommentLineThatHidesAnotherLineBreakIsNotSetAside() {
    // YAML ends the comment at the carriage return: the flow list after it is content.
    assertThatThrownBy(() -> CloudFormationDocuments.read(Map.of(
        FOLDER + "key-policy-a.yaml", "# key a\n" + ALLOW,
        FOLDER + "key-policy-b.yaml", "# key b\r[]\n" + ALLOW), TWO_KEYS,
        new RenderedDocuments())).isInstanceOf(DocumentException.class)
        .hasMessageContaining(FOLDER + "key-policy-b.yaml");
    // JSON has no comments at all.
    assertThatThrownBy(() -> JsonDocuments.read(Map.of(
        "json/account-111122223333/key-policy-a.json", "[]",
        "json/account-111122223333/key-policy-b.json", "# key b\n[]"), TWO_KEYS, "role",
        new RenderedDocuments())).isInstanceOf(DocumentException.class)
        .hasMessageContaining("json/account-111122223333/key-policy-b.json");
  }

  @Test
  void theScriptsAwsCommandsAreSplitAsTheShellSplitsThem() throws Exception {
    List<ShellScript.Command> commands = ShellScript.awsCommands("s.sh", """
        #!/bin/sh
        region='us-gov-west-1'
        caller=$(aws sts get-caller-identity --region "$region" --query Account --output text)
        printf 'Creating grant %s\\n' x
        aws kms create-grant --key-id 'arn:a b' --operations Decrypt \\
          CreateGrant --name "n\\"q" --region ${region}
        """);
    assertThat(commands).extracting(ShellScript.Command::words).containsExactly(
        List.of("sts", "get-caller-identity", "--region", "us-gov-west-1", "--query",
            "Account", "--output", "text"),
        List.of("kms", "create-grant", "--key-id", "arn:a b", "--operations", "Decrypt",
            "CreateGrant", "--name", "n\"q", "--region", "us-gov-west-1"));
    assertThat(commands.get(1).where()).isEqualTo("s.sh:5");
    assertThatThrownBy(() -> ShellScript.awsCommands("s.sh",
        "aws kms create-grant --name \"$(date)\"\n")).hasMessageContaining(
            "s.sh:1: a $ expansion the access model does not read");
    assertThatThrownBy(() -> ShellScript.awsCommands("s.sh",
        "\"$aws\" kms create-grant --name x\n")).hasMessageContaining(
            "s.sh:1: a grant operation outside an aws command");
  }

  /** Auto Scaling, EC2 Fleet and a role of one's own, under a path; a key in another account. */
  private static final io.github.asgkms.plan.Plan LAUNCHERS = Plans.of("""
      version: 1
      autoScalingAccountId: "111122223333"
      serviceLinkedRoleSuffix: web
      launchers:
        - autoscaling
        - ec2-fleet
        - roleArn: arn:aws:iam::111122223333:role/controllers/karpenter
      keys:
        - name: remote
          arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
      grantCreator:
        roleName: deployer
      """);
  private static final String ROLE = "arn:aws:iam::111122223333:role/controllers/karpenter";
  private static final String EC2_FLEET = "arn:aws:iam::111122223333:role/aws-service-role/"
      + "ec2fleet.amazonaws.com/AWSServiceRoleForEC2Fleet";
  private static final String ASG = "arn:aws:iam::111122223333:role/aws-service-role/"
      + "autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling_web";

  @Test
  void terraformGivesEachServiceLinkedRoleItsArnChecksTheImportsAndMapsALauncherRoleByName()
      throws Exception {
    String folder = "terraform/account-111122223333/";
    String roles = """
        resource "aws_iam_service_linked_role" "asg_kms" {
          aws_service_name = "autoscaling.amazonaws.com"
          custom_suffix    = "web"
        }
        resource "aws_iam_service_linked_role" "asg_kms_ec2_fleet" {
          aws_service_name = "ec2fleet.amazonaws.com"
        }
        """;
    String imports = """
        import {
          to = aws_iam_service_linked_role.asg_kms
          id = "%s"
        }
        import {
          to = aws_iam_service_linked_role.asg_kms_ec2_fleet
          id = "%s"
        }
        """;
    String rest = """
        data "aws_iam_policy_document" "launcher" {
          statement {
            actions   = ["kms:Decrypt"]
            resources = ["arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d"]
            condition {
              test     = "StringEquals"
              variable = "kms:ViaService"
              values   = ["ec2.us-west-2.amazonaws.com"]
            }
          }
        }
        resource "aws_iam_policy" "launcher" {
          name   = "asg-kms-launch-karpenter"
          policy = data.aws_iam_policy_document.launcher.json
        }
        resource "aws_iam_role_policy_attachment" "launcher" {
          role       = "karpenter"
          policy_arn = aws_iam_policy.launcher.arn
        }
        resource "aws_kms_grant" "remote_ec2_fleet" {
          key_id            = "arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d"
          grantee_principal = aws_iam_service_linked_role.asg_kms_ec2_fleet.arn
          operations        = ["Decrypt"]
          depends_on        = [aws_iam_service_linked_role.asg_kms]
        }
        resource "aws_kms_grant" "remote" {
          key_id            = "arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d"
          grantee_principal = aws_iam_service_linked_role.asg_kms.arn
          operations        = ["Decrypt"]
        }
        """;
    RenderedDocuments docs = new RenderedDocuments();
    TerraformDocuments.read(Map.of(
        "terraform/account-444455556666/key-policy-remote.tf", "",
        folder + "service-linked-role.tf", roles,
        folder + "import-service-linked-roles.tf", imports.formatted(ASG, EC2_FLEET),
        folder + "rest.tf", rest), LAUNCHERS, docs);
    assertThat(docs.grants()).extracting(g -> g.request().grantee())
        .containsExactlyInAnyOrder(EC2_FLEET, ASG);
    assertThat(docs.identityPolicies()).containsOnlyKeys(ROLE);
    assertThat(docs.identityPolicies().get(ROLE)).singleElement()
        .extracting(PolicyDocument::name).isEqualTo("asg-kms-launch-karpenter");

    assertThatThrownBy(() -> TerraformDocuments.read(Map.of(
        "terraform/account-444455556666/key-policy-remote.tf", "",
        folder + "service-linked-role.tf", roles,
        folder + "import-service-linked-roles.tf", imports.formatted(EC2_FLEET, EC2_FLEET)),
        LAUNCHERS, new RenderedDocuments())).hasMessageContaining(
            "the import of aws_iam_service_linked_role.asg_kms names " + EC2_FLEET
                + ", not the role's ARN " + ASG);
  }

  @Test
  void cloudFormationAndJsonAttachALauncherRolesPolicyToTheRolesArnWithItsPath()
      throws Exception {
    RenderedDocuments docs = new RenderedDocuments();
    CloudFormationDocuments.read(Map.of(
        "cloudformation/account-444455556666/key-policy-remote.yaml", "[]",
        "cloudformation/account-111122223333/auto-scaling-account-stack.yaml", """
            Resources:
              ServiceLinkedRole:
                Type: AWS::IAM::ServiceLinkedRole
                Properties:
                  AWSServiceName: autoscaling.amazonaws.com
                  CustomSuffix: web
              ServiceLinkedRoleEc2Fleet:
                Type: AWS::IAM::ServiceLinkedRole
                Properties:
                  AWSServiceName: ec2fleet.amazonaws.com
              LauncherRolePolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  ManagedPolicyName: asg-kms-launch-karpenter
                  Roles: ["karpenter"]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: kms:Decrypt
                        Resource: "*"
            """), LAUNCHERS, docs);
    assertThat(docs.identityPolicies()).containsOnlyKeys(ROLE);

    String policy = LAUNCHERS.autoScalingAccount().launcherRolePolicies().get(0).name();
    assertThat(policy).isEqualTo("asg-kms-launch-karpenter");
    RenderedDocuments json = new RenderedDocuments();
    JsonDocuments.read(Map.of("json/account-444455556666/key-policy-remote.json", "[]",
        "json/account-111122223333/launcher-role-policy-" + policy + ".json",
        "{\"Statement\": []}"), LAUNCHERS, "creator", json);
    assertThat(json.identityPolicies()).containsOnlyKeys(ROLE);
    assertThatThrownBy(() -> JsonDocuments.read(Map.of(
        "json/account-444455556666/key-policy-remote.json", "[]",
        "json/account-111122223333/launcher-role-policy-asg-kms-launch-other.json",
        "{\"Statement\": []}"), LAUNCHERS, "creator", new RenderedDocuments()))
        .hasMessageContaining("the plan has no launcher role policy asg-kms-launch-other");
  }
}
