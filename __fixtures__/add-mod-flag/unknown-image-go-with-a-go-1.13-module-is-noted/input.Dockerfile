ARG builder_image
FROM ${builder_image} AS build
WORKDIR /src
COPY . .
RUN go build -o /app .
