FROM golang:1.22
WORKDIR /src
COPY . .
RUN <<EOF
if [ -d tools ]; then (cd tools && go build ./...); fi && go mod download
go build -o /app .
EOF
CMD ["/app"]
