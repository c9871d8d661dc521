# The Terraform client suite's configuration (test/clients/terraform.test.ts): everything applied at once against
# an in-process ec2lite, re-planned (no changes expected), destroyed. The provider block is the README's.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

data "aws_vpc" "default" {
  default = true
}

# The usual way to pick an image: the provider reads its root device and block device mappings.
data "aws_ami" "amzn2" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["amzn2-ami-hvm-*-x86_64-gp2"]
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.10.0.0/16"
  tags       = { Name = "tf-main" }
}

resource "aws_subnet" "front" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.10.1.0/24"
  availability_zone = "us-east-1a"
  tags              = { Name = "tf-front" }
}

resource "aws_subnet" "back" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.10.2.0/24"
  availability_zone = "us-east-1a"
  tags              = { Name = "tf-back" }
}

resource "aws_security_group" "web" {
  name        = "tf-web"
  description = "web front"
  vpc_id      = aws_vpc.main.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "back" {
  name        = "tf-back"
  description = "back end, reachable from the web group"
  vpc_id      = aws_vpc.main.id

  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.web.id]
  }
}

resource "aws_network_interface" "primary" {
  subnet_id       = aws_subnet.front.id
  security_groups = [aws_security_group.web.id]
  tags            = { Name = "tf-primary" }
}

resource "aws_network_interface" "secondary" {
  subnet_id       = aws_subnet.back.id
  private_ips     = ["10.10.2.50"]
  security_groups = [aws_security_group.back.id]
  tags            = { Name = "tf-secondary" }
}

resource "aws_network_interface" "extra" {
  subnet_id         = aws_subnet.back.id
  source_dest_check = false
  tags              = { Name = "tf-extra" }
}

# Launched with two existing interfaces (device indexes 0 and 1); a third comes from the attachment below.
resource "aws_instance" "multi" {
  ami           = data.aws_ami.amzn2.id
  instance_type = "m5.xlarge"
  tags          = { Name = "tf-multi" }

  network_interface {
    network_interface_id = aws_network_interface.primary.id
    device_index         = 0
  }

  network_interface {
    network_interface_id = aws_network_interface.secondary.id
    device_index         = 1
  }

  # A data volume beside the root one (DescribeInstances' block device mappings, DescribeVolumes for its details).
  ebs_block_device {
    device_name           = "/dev/sdf"
    volume_size           = 2
    volume_type           = "gp3"
    delete_on_termination = true
  }

  # Destroyed before the interface it will carry, so termination detaches it (see the test on destroy order).
  depends_on = [aws_network_interface.extra]
}

resource "aws_network_interface_attachment" "extra" {
  instance_id          = aws_instance.multi.id
  network_interface_id = aws_network_interface.extra.id
  device_index         = 2
}

resource "aws_internet_gateway" "gw" {
  vpc_id = aws_vpc.main.id
}

# An Elastic IP on the secondary interface (not the instance's primary).
resource "aws_eip" "secondary" {
  domain            = "vpc"
  network_interface = aws_network_interface.secondary.id
  depends_on        = [aws_internet_gateway.gw, aws_instance.multi]
}

resource "aws_route_table" "appliance" {
  vpc_id = aws_vpc.main.id
  tags   = { Name = "tf-appliance" }
}

# Traffic for 192.168.0.0/16 goes through the third interface (an appliance pattern).
resource "aws_route" "via_extra" {
  route_table_id         = aws_route_table.appliance.id
  destination_cidr_block = "192.168.0.0/16"
  network_interface_id   = aws_network_interface.extra.id
  depends_on             = [aws_network_interface_attachment.extra]
}

resource "aws_route_table_association" "back" {
  subnet_id      = aws_subnet.back.id
  route_table_id = aws_route_table.appliance.id
}

# The front subnet leaves the default ACL for one of its own; destroy moves it back.
resource "aws_network_acl" "front" {
  vpc_id     = aws_vpc.main.id
  subnet_ids = [aws_subnet.front.id]
  tags       = { Name = "tf-front" }

  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }

  ingress {
    protocol   = "icmp"
    rule_no    = 110
    action     = "allow"
    cidr_block = "10.10.0.0/16"
    from_port  = 0
    to_port    = 0
    icmp_type  = 8
    icmp_code  = 0
  }

  egress {
    protocol   = "-1"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}

resource "aws_vpc_dhcp_options" "corp" {
  domain_name         = "corp.example"
  domain_name_servers = ["AmazonProvidedDNS"]
  tags                = { Name = "tf-corp" }
}

resource "aws_vpc_dhcp_options_association" "main" {
  vpc_id          = aws_vpc.main.id
  dhcp_options_id = aws_vpc_dhcp_options.corp.id
}

# NAT gateway (issue 16): a public gateway in the front subnet and a private route table through it.
resource "aws_eip" "nat" {
  domain     = "vpc"
  depends_on = [aws_internet_gateway.gw]
}

resource "aws_nat_gateway" "nat" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.front.id
  tags          = { Name = "tf-nat" }
  depends_on    = [aws_internet_gateway.gw]
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route" "private_default" {
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat.id
}

output "nat_gateway_id" {
  value = aws_nat_gateway.nat.id
}

# VPC endpoint (issue 16): a gateway endpoint for S3, routed from the private table to the region's AWS-managed
# S3 prefix list (the provider reads its id and CIDRs through DescribePrefixLists).
resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.us-east-1.s3"
  route_table_ids = [aws_route_table.private.id]
  tags            = { Name = "tf-s3" }
}

output "vpc_endpoint_id" {
  value = aws_vpc_endpoint.s3.id
}

output "vpc_endpoint_prefix_list_id" {
  value = aws_vpc_endpoint.s3.prefix_list_id
}

output "default_vpc_id" {
  value = data.aws_vpc.default.id
}

output "ami" {
  value = {
    id               = data.aws_ami.amzn2.id
    root_device_name = data.aws_ami.amzn2.root_device_name
    root_device_type = data.aws_ami.amzn2.root_device_type
    root_snapshot_id = data.aws_ami.amzn2.root_snapshot_id
    ebs              = [for m in data.aws_ami.amzn2.block_device_mappings : m.ebs if m.device_name == data.aws_ami.amzn2.root_device_name][0]
  }
}

output "vpc_id" {
  value = aws_vpc.main.id
}

output "vpc_arn" {
  value = aws_vpc.main.arn
}

output "instance_id" {
  value = aws_instance.multi.id
}

output "eni_ids" {
  value = [aws_network_interface.primary.id, aws_network_interface.secondary.id, aws_network_interface.extra.id]
}

output "eip_public_ip" {
  value = aws_eip.secondary.public_ip
}

output "route_table_id" {
  value = aws_route_table.appliance.id
}

output "network_acl_id" {
  value = aws_network_acl.front.id
}

output "front_subnet_id" {
  value = aws_subnet.front.id
}

output "dhcp_options_id" {
  value = aws_vpc_dhcp_options.corp.id
}

output "default_network_acl_id" {
  value = aws_vpc.main.default_network_acl_id
}

# --- launch templates (docs/behavior.md "Launch templates"): a template with two interfaces, an instance from it.
resource "aws_launch_template" "two_nics" {
  name          = "tf-two-nics"
  image_id      = data.aws_ami.amzn2.id
  instance_type = "m5.large"

  network_interfaces {
    device_index          = 0
    subnet_id             = aws_subnet.front.id
    security_groups       = [aws_security_group.web.id]
    delete_on_termination = true
  }

  network_interfaces {
    device_index          = 1
    subnet_id             = aws_subnet.back.id
    security_groups       = [aws_security_group.back.id]
    delete_on_termination = true
  }

  tag_specifications {
    resource_type = "instance"
    tags          = { Name = "tf-from-template" }
  }
}

# The template's instance tags land on the instance, so the resource states them too (else Terraform sees drift,
# as it does on AWS); the aws:ec2launchtemplate:* tags are ignored by the provider.
resource "aws_instance" "from_template" {
  tags = { Name = "tf-from-template" }

  launch_template {
    id      = aws_launch_template.two_nics.id
    version = "$Latest"
  }
}

output "template_instance_id" {
  value = aws_instance.from_template.id
}
