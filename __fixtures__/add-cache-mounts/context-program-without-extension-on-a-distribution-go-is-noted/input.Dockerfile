FROM fedora:42
RUN dnf install -y golang
COPY . /src
WORKDIR /src
RUN ./build_for_container
