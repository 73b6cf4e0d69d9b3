# A REST API whose endpoints come from one local module, called once per endpoint. Converted
# as a project (pulumigrate convert samples/module-tree -o out/), the module becomes a
# component class in components/ and each call an instance of it.
variable "region" {
  type    = string
  default = "us-east-1"
}

variable "stage_name" {
  type    = string
  default = "dev"
}

resource "aws_api_gateway_rest_api" "api" {
  name = "greetings"
}

module "hello" {
  source      = "./modules/lambda-endpoint"
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "hello"
  region      = var.region
}

module "goodbye" {
  source      = "./modules/lambda-endpoint"
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "goodbye"
  region      = var.region
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  depends_on  = [module.hello, module.goodbye]
}

resource "aws_api_gateway_stage" "api" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = var.stage_name
}

output "urls" {
  value = {
    hello   = "${aws_api_gateway_stage.api.invoke_url}/${module.hello.path_part}"
    goodbye = "${aws_api_gateway_stage.api.invoke_url}/${module.goodbye.path_part}"
  }
}
