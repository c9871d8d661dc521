"""boto3 reads the wire shapes of the instance-extras calls (run by test/api/instanceExtras.test.ts)."""
import json
import sys

import boto3

ec2 = boto3.client("ec2", endpoint_url=sys.argv[1], region_name="us-east-1")
subnet = sys.argv[2]
out = {}

pg = ec2.create_placement_group(GroupName="boto-pg", Strategy="partition", PartitionCount=3)["PlacementGroup"]
out["pg"] = [pg["GroupName"], pg["Strategy"], pg["PartitionCount"], pg["State"]]
out["pgs"] = [g["GroupName"] for g in ec2.describe_placement_groups(GroupNames=["boto-pg"])["PlacementGroups"]]

inst = ec2.run_instances(ImageId="ami-760aaa0f", MinCount=1, MaxCount=1, InstanceType="t3.micro", SubnetId=subnet,
                         Placement={"GroupName": "boto-pg", "PartitionNumber": 2},
                         HibernationOptions={"Configured": True})["Instances"][0]
out["placement"] = [inst["Placement"]["GroupName"], inst["Placement"]["PartitionNumber"]]
out["hibernation"] = inst["HibernationOptions"]["Configured"]

mod = ec2.modify_instance_credit_specification(InstanceCreditSpecifications=[
    {"InstanceId": inst["InstanceId"], "CpuCredits": "standard"},
    {"InstanceId": "i-0123456789abcdef0", "CpuCredits": "standard"},
])
out["credits_ok"] = [x["InstanceId"] == inst["InstanceId"] for x in mod["SuccessfulInstanceCreditSpecifications"]]
out["credits_bad"] = [[x["InstanceId"], x["Error"]["Code"]] for x in mod["UnsuccessfulInstanceCreditSpecifications"]]

console = ec2.get_console_output(InstanceId=inst["InstanceId"])
# botocore decodes Output itself (its decode_console_output handler), as it does with AWS's base64
out["console"] = "Output" not in console or "Linux version" in console["Output"]
out["password"] = ec2.get_password_data(InstanceId=inst["InstanceId"])["PasswordData"]

hosts = ec2.allocate_hosts(AvailabilityZone="us-east-1a", InstanceType="m5.large", Quantity=1)["HostIds"]
h = ec2.describe_hosts(HostIds=hosts)["Hosts"][0]
out["host"] = [h["State"], h["AvailableCapacity"]["AvailableInstanceCapacity"][0]["TotalCapacity"]]
rel = ec2.release_hosts(HostIds=hosts + ["h-0123456789abcdef0"])
out["release"] = [rel["Successful"] == hosts, [[u["ResourceId"], u["Error"]["Code"]] for u in rel["Unsuccessful"]]]
print(json.dumps(out))
