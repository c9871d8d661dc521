# The Terraform client suite's second configuration (test/clients/terraform.test.ts): a Wavelength Zone with its
# carrier gateway, a PrivateLink service shared with another account, a transit gateway peering
# across accounts and Regions, and compute and account options that once planned changes on every run. Applied at once, re-planned (no changes expected), destroyed. The default provider
# block is the README's (account 123456789012, us-east-1); the other accounts are selected by their 12-digit
# access key ids, as the README says.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "endpoint" {
  type = string
}

# Another account (210987654321) in the same Region: the PrivateLink consumer.
provider "aws" {
  alias                   = "consumer"
  region                  = "us-east-1"
  access_key              = "210987654321"
  secret_key              = "test"
  skip_metadata_api_check = true

  endpoints {
    ec2 = var.endpoint
    sts = var.endpoint
  }
}

# That account in another Region: the transit gateway peer.
provider "aws" {
  alias                   = "peer"
  region                  = "us-west-2"
  access_key              = "210987654321"
  secret_key              = "test"
  skip_metadata_api_check = true

  endpoints {
    ec2 = var.endpoint
    sts = var.endpoint
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
  tags       = { Name = "tf-services" }
}

resource "aws_subnet" "main" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "us-east-1a"
}

# --- Wavelength Zone (docs/behavior.md "Availability Zones, Local Zones and Wavelength Zones", "Carrier gateways").
# The provider only removes the group from its state on destroy: AWS does not let an account opt out.
resource "aws_ec2_availability_zone_group" "bos" {
  group_name    = "us-east-1-wl1-bos-wlz-1"
  opt_in_status = "opted-in"
}

data "aws_availability_zones" "wavelength" {
  all_availability_zones = true

  filter {
    name   = "opt-in-status"
    values = ["opted-in"]
  }

  filter {
    name   = "zone-type"
    values = ["wavelength-zone"]
  }

  depends_on = [aws_ec2_availability_zone_group.bos]
}

resource "aws_subnet" "wavelength" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.9.0/24"
  availability_zone = data.aws_availability_zones.wavelength.names[0]
}

resource "aws_ec2_carrier_gateway" "cagw" {
  vpc_id     = aws_vpc.main.id
  tags       = { Name = "tf-cagw" }
  depends_on = [aws_ec2_availability_zone_group.bos]
}

resource "aws_route_table" "wavelength" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "wavelength" {
  subnet_id      = aws_subnet.wavelength.id
  route_table_id = aws_route_table.wavelength.id
}

resource "aws_route" "carrier" {
  route_table_id         = aws_route_table.wavelength.id
  destination_cidr_block = "0.0.0.0/0"
  carrier_gateway_id     = aws_ec2_carrier_gateway.cagw.id
  depends_on             = [aws_subnet.wavelength]
}

# --- PrivateLink (docs/behavior.md "VPC endpoint services"): the service here, its endpoint in the consumer account.
data "aws_caller_identity" "consumer" {
  provider = aws.consumer
}

resource "aws_vpc_endpoint_service" "svc" {
  acceptance_required        = true
  network_load_balancer_arns = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/tf-nlb/0123456789abcdef"]
  tags                       = { Name = "tf-svc" }
}

resource "aws_vpc_endpoint_service_allowed_principal" "consumer" {
  vpc_endpoint_service_id = aws_vpc_endpoint_service.svc.id
  principal_arn           = "arn:aws:iam::${data.aws_caller_identity.consumer.account_id}:root"
}

resource "aws_vpc" "consumer" {
  provider   = aws.consumer
  cidr_block = "10.30.0.0/16"
}

resource "aws_subnet" "consumer" {
  provider          = aws.consumer
  vpc_id            = aws_vpc.consumer.id
  cidr_block        = "10.30.1.0/24"
  availability_zone = "us-east-1b"
}

resource "aws_vpc_endpoint" "consumer" {
  provider            = aws.consumer
  vpc_id              = aws_vpc.consumer.id
  service_name        = aws_vpc_endpoint_service.svc.service_name
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.consumer.id]
  private_dns_enabled = false
  tags                = { Name = "tf-consumer" }
  depends_on          = [aws_vpc_endpoint_service_allowed_principal.consumer]
}

resource "aws_vpc_endpoint_connection_accepter" "consumer" {
  vpc_endpoint_service_id = aws_vpc_endpoint_service.svc.id
  vpc_endpoint_id         = aws_vpc_endpoint.consumer.id
}

# --- Transit gateway peering (docs/behavior.md "Transit gateway peering"): across accounts and Regions.
resource "aws_ec2_transit_gateway" "local" {
  description = "tf-local"
}

resource "aws_ec2_transit_gateway" "peer" {
  provider    = aws.peer
  description = "tf-peer"
}

resource "aws_ec2_transit_gateway_peering_attachment" "peering" {
  transit_gateway_id      = aws_ec2_transit_gateway.local.id
  peer_account_id         = aws_ec2_transit_gateway.peer.owner_id
  peer_region             = "us-west-2"
  peer_transit_gateway_id = aws_ec2_transit_gateway.peer.id
  tags                    = { Name = "tf-peering" }
}

# Each side of a peering keeps its own tags, as on AWS (docs/decisions.md "Tags").
resource "aws_ec2_transit_gateway_peering_attachment_accepter" "peering" {
  provider                      = aws.peer
  transit_gateway_attachment_id = aws_ec2_transit_gateway_peering_attachment.peering.id
  tags                          = { Name = "tf-peering-accepter" }
}

# --- Options Terraform reads back (each once planned a change on every run): instance CPU, monitoring,
# maintenance, hostname and capacity reservation options; a Spot Instance launched by RunInstances; an EC2 Fleet's
# default allocation strategies; a gateway route table; a transit gateway prefix list reference; account settings.
data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
}

data "aws_ami" "jammy" {
  most_recent = true
  owners      = ["099720109477"]
  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"]
  }
}

resource "aws_instance" "tuned" {
  ami           = data.aws_ami.al2023.id
  instance_type = "m5.2xlarge"
  subnet_id     = aws_subnet.main.id
  monitoring    = true
  cpu_options {
    core_count       = 2
    threads_per_core = 1
  }
  maintenance_options { auto_recovery = "disabled" }
  private_dns_name_options {
    hostname_type                     = "resource-name"
    enable_resource_name_dns_a_record = true
  }
  capacity_reservation_specification { capacity_reservation_preference = "none" }
}

resource "aws_instance" "spot" {
  ami           = data.aws_ami.jammy.id
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.main.id
  instance_market_options {
    market_type = "spot"
    spot_options {
      instance_interruption_behavior = "stop"
      spot_instance_type             = "persistent"
      max_price                      = "0.05"
    }
  }
}

resource "aws_launch_template" "fleet" {
  name          = "tf-fleet"
  image_id      = data.aws_ami.al2023.id
  instance_type = "t3.micro"
}

resource "aws_ec2_fleet" "fleet" {
  launch_template_config {
    launch_template_specification {
      launch_template_id = aws_launch_template.fleet.id
      version            = aws_launch_template.fleet.latest_version
    }
  }
  target_capacity_specification {
    default_target_capacity_type = "spot"
    total_target_capacity        = 0
  }
}

resource "aws_internet_gateway" "edge" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table" "edge" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "edge" {
  gateway_id     = aws_internet_gateway.edge.id
  route_table_id = aws_route_table.edge.id
}

resource "aws_ec2_managed_prefix_list" "corp" {
  name           = "tf-corp"
  address_family = "IPv4"
  max_entries    = 5
  entry { cidr = "172.16.0.0/16" }
}

resource "aws_ec2_transit_gateway_prefix_list_reference" "corp" {
  prefix_list_id                 = aws_ec2_managed_prefix_list.corp.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway.local.association_default_route_table_id
  blackhole                      = true
}

resource "aws_ebs_snapshot_block_public_access" "account" {
  state = "block-new-sharing"
}

resource "aws_ec2_image_block_public_access" "account" {
  state = "block-new-sharing"
}

resource "aws_ec2_serial_console_access" "account" {
  enabled = true
}

resource "aws_ec2_instance_metadata_defaults" "account" {
  http_tokens                 = "required"
  http_put_response_hop_limit = 2
}

output "tuned_instance_id" {
  value = aws_instance.tuned.id
}

output "spot_instance_id" {
  value = aws_instance.spot.id
}

output "fleet_id" {
  value = aws_ec2_fleet.fleet.id
}

output "edge_route_table_id" {
  value = aws_route_table.edge.id
}

output "edge_gateway_id" {
  value = aws_internet_gateway.edge.id
}

output "prefix_list_reference" {
  value = [aws_ec2_transit_gateway_prefix_list_reference.corp.transit_gateway_route_table_id, aws_ec2_managed_prefix_list.corp.id]
}

output "vpc_id" {
  value = aws_vpc.main.id
}

output "wavelength_zones" {
  value = data.aws_availability_zones.wavelength.names
}

output "wavelength_subnet_id" {
  value = aws_subnet.wavelength.id
}

output "carrier_gateway_id" {
  value = aws_ec2_carrier_gateway.cagw.id
}

output "route_table_id" {
  value = aws_route_table.wavelength.id
}

output "service_id" {
  value = aws_vpc_endpoint_service.svc.id
}

output "service_name" {
  value = aws_vpc_endpoint_service.svc.service_name
}

output "consumer_endpoint_id" {
  value = aws_vpc_endpoint.consumer.id
}

output "peering_attachment_id" {
  value = aws_ec2_transit_gateway_peering_attachment.peering.id
}

output "transit_gateway_ids" {
  value = [aws_ec2_transit_gateway.local.id, aws_ec2_transit_gateway.peer.id]
}
