FROM golang:1.23
RUN ["go", "build", "-mod=mod", "-o", "/app", "."]
