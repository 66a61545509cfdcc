FROM public.ecr.aws/eks-distro-build-tooling/golang:1.22-gcc AS build
WORKDIR /src
COPY . .
RUN go build -o /app ./cmd/app
