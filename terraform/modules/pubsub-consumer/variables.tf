variable "topic" {
  description = "Id of the topic the subscription reads"
  type        = string
}

variable "subscription" {
  description = "Name of the consumer group's subscription (PubSubNames.subscription)"
  type        = string
}

variable "max_delivery_attempts" {
  description = "Deliveries of one message before the dead-letter policy moves it"
  type        = number
}

variable "consumer_member" {
  description = "IAM member that pulls the subscription: serviceAccount:<the consuming service's account>"
  type        = string
}

variable "pubsub_agent_member" {
  description = "IAM member of the project's Pub/Sub service agent"
  type        = string
}

variable "filter" {
  description = "Pub/Sub subscription filter on the messages' attributes; empty takes every event"
  type        = string
  default     = ""
}
