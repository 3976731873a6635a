// Cloud metadata and credential endpoints: an HTTP step never reaches these, even when its integration allows
// internal addresses, because they hand out the host's cloud credentials. Each entry names the provider document
// that gives the address, so the list can be checked and extended.

/** Addresses in ipaddr.js normalised form (IPv6 written out in full without zero compression). */
export const METADATA_ADDRESSES: ReadonlyMap<string, string> = new Map([
  // Amazon EC2 User Guide, "Access instance metadata for an EC2 instance": IMDS on IPv4 and (Nitro) IPv6.
  // The same 169.254.169.254 serves Azure ("Azure Instance Metadata Service"), Google Compute Engine ("About VM
  // metadata": metadata.google.internal), Oracle Cloud Infrastructure ("Getting Instance Metadata"), OpenStack Nova,
  // DigitalOcean ("Droplet Metadata API"), Huawei Cloud ("Instance metadata") and IBM Cloud VPC.
  ['169.254.169.254', 'the cloud instance metadata service (AWS, Azure, Google Cloud, Oracle, OpenStack and others)'],
  ['fd00:ec2:0:0:0:0:0:254', 'the AWS instance metadata service (IPv6)'],
  // Amazon ECS Developer Guide, "Amazon ECS task IAM role" and "Task metadata endpoint version 4": task credentials
  // and metadata at 169.254.170.2.
  ['169.254.170.2', 'the Amazon ECS task credentials and metadata endpoint'],
  // Amazon EKS User Guide, "Set up the Amazon EKS Pod Identity Agent": the agent listens on 169.254.170.23 and
  // [fd00:ec2::23].
  ['169.254.170.23', 'the Amazon EKS Pod Identity agent (pod credentials)'],
  ['fd00:ec2:0:0:0:0:0:23', 'the Amazon EKS Pod Identity agent (pod credentials, IPv6)'],
  // Microsoft Azure Virtual Network, "What is IP address 168.63.129.16?": the WireServer host endpoint (VM agent,
  // extension settings and certificates); a public-looking address that every Azure VM reaches internally.
  ['168.63.129.16', 'the Azure WireServer host endpoint'],
  // Alibaba Cloud ECS, "Instance metadata": 100.100.100.200.
  ['100.100.100.200', 'the Alibaba Cloud instance metadata service'],
  // Tencent Cloud CVM, "Querying Instance Metadata": metadata.tencentyun.com, which answers at 169.254.0.23.
  ['169.254.0.23', 'the Tencent Cloud instance metadata service'],
  // Oracle Cloud Infrastructure Classic, "Retrieving instance metadata": http://192.0.0.192/.
  ['192.0.0.192', 'the Oracle Cloud Infrastructure Classic metadata service'],
  // OpenStack Neutron spec "IPv6 support in Metadata service" (Ussuri): the metadata proxy on fe80::a9fe:a9fe.
  ['fe80:0:0:0:0:0:a9fe:a9fe', 'the OpenStack metadata service (IPv6)'],
]);
