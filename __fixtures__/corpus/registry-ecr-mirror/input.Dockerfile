FROM public.ecr.aws/docker/library/golang:1.21-alpine AS build
RUN apk add --no-cache git
WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download -x
COPY . ./
RUN go build -o /lambda ./cmd/lambda

FROM public.ecr.aws/lambda/provided:al2023
COPY --from=build /lambda ./bootstrap
ENTRYPOINT [ "./bootstrap" ]
