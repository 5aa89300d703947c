from generator.cli import finish, main

finish(main())
