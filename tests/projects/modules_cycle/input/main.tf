# Module a calls b, which calls a: a cycle is a located error; the rest still converts.
module "a" {
  source = "./modules/a"
}

resource "aws_sns_topic" "t" {
  name = "t"
}
